import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (run by the exec plugin before compilation): converts each bundled OpenAPI YAML
 * document into minified JSON in the build output, so the application and the emulator parse
 * a few megabytes of JSON at run time instead of YAML. Skips documents that are up to date.
 *
 * Usage: java -cp CLASSPATH SpecsToJson.java SOURCE_DIR TARGET_DIR
 */
public class SpecsToJson {
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        // Plaid's descriptions are long; raise SnakeYAML's default code point limit.
        YAMLMapper yaml = new YAMLMapper(YAMLFactory.builder()
                .loaderOptions(loaderOptions())
                .build());
        ObjectMapper json = new ObjectMapper();
        List<Path> specs;
        try (Stream<Path> files = Files.list(source)) {
            specs = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path spec : specs) {
            String name = spec.getFileName().toString().replaceFirst("\\.yml$", ".json");
            Path out = target.resolve(name);
            if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(spec)) > 0) {
                continue;
            }
            JsonNode tree = yaml.readTree(spec.toFile());
            json.writeValue(out.toFile(), tree);
            System.out.println("[specs-to-json] " + spec.getFileName() + " -> " + out);
        }
    }

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return options;
    }
}
