package dev.tartan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.catalog.OperationCatalog;
import dev.tartan.model.Operation;
import dev.tartan.model.OperationFlag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code tartan ops [FILTER]}: the operations Tartan knows, optionally filtered. */
@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "List Plaid operations (all of them, or those matching every word of FILTER).")
public final class OpsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILTER", description = "Words to match in the path, id, summary or product.")
    List<String> filter;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OperationCatalog catalog = OperationCatalog.loadBundled();
        List<Operation> operations = catalog.search(filter == null ? "" : String.join(" ", filter));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (Operation op : operations) {
                ObjectNode item = list.addObject();
                item.put("method", op.method());
                item.put("path", op.path());
                item.put("operation_id", op.operationId());
                item.put("product", op.group());
                item.put("summary", op.summary());
                ArrayNode flags = item.putArray("flags");
                op.flags().stream().sorted().forEach(f -> flags.add(f.label()));
                item.put("docs", op.docsUrl());
            }
            out.println(PlaidJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
        } else {
            int pathWidth = operations.stream().mapToInt(op -> op.path().length()).max().orElse(10);
            int groupWidth = operations.stream().mapToInt(op -> op.group().length()).max().orElse(10);
            for (Operation op : operations) {
                out.printf("%-" + pathWidth + "s  %-" + groupWidth + "s  %s%s%n",
                        op.path(), op.group(), op.summary(), badges(op));
            }
            out.printf("%d operation%s%n", operations.size(), operations.size() == 1 ? "" : "s");
        }
        out.flush();
        return operations.isEmpty() ? 1 : 0;
    }

    private static String badges(Operation op) {
        if (op.flags().isEmpty() || op.flags().equals(java.util.Set.of(OperationFlag.READ_ONLY))) {
            return "";
        }
        return op.flags().stream().filter(f -> f != OperationFlag.READ_ONLY).sorted()
                .map(OperationFlag::label).collect(Collectors.joining(", ", "  [", "]"));
    }
}
