package dev.tartan.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What this build of Tartan is and which libraries it bundles, as the build wrote them into
 * {@code about/} (build-info.properties from the pom, third-party.tsv from the licence plugin).
 *
 * @param version   the project version, e.g. 0.1.0
 * @param commit    the commit it was built from, or "unknown"
 * @param built     when it was built, e.g. "2026-12-04 01:45 UTC", or "unknown"
 * @param libraries the bundled libraries, by name
 */
public record BuildInfo(String version, String commit, String built, List<Library> libraries) {

    private static final String UNKNOWN = "unknown";

    /**
     * One bundled library.
     *
     * @param coordinates groupId:artifactId
     * @param licence     its licence or licences, e.g. "Apache-2.0" or "EPL 1.0 / LGPL 2.1"
     */
    public record Library(String name, String coordinates, String version, String licence, String url) {
    }

    public BuildInfo {
        libraries = List.copyOf(libraries);
    }

    /** This build's information (a build from an IDE that skipped the filtering shows "unknown"s). */
    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/about/build-info.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(value(properties, "version"), value(properties, "commit"), value(properties, "built"), bundledLibraries());
    }

    /** "build c1db103ed7, 2026-12-04 01:45 UTC". */
    public String build() {
        return "build " + commit + ", " + built;
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "");
        return value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
    }

    private static List<Library> bundledLibraries() {
        List<Library> libraries = new ArrayList<>();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/about/third-party.tsv")) {
            if (in == null) {
                return libraries;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 5) {
                    libraries.add(new Library(fields[0], fields[1], fields[2], fields[3], fields[4]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return libraries;
    }
}
