package dev.tartan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tartan.api.PlaidApiException;
import dev.tartan.api.PlaidClient;
import dev.tartan.api.PlaidJson;
import dev.tartan.api.PlaidRequest;
import dev.tartan.api.Redactor;
import dev.tartan.model.PlaidResponse;
import dev.tartan.api.catalog.OperationCatalog;
import dev.tartan.model.Credentials;
import dev.tartan.model.Operation;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.PlaidError;
import dev.tartan.model.SchemaProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code tartan call PATH --body JSON|@FILE|-}: sends one operation and prints the reply.
 * Standard output gets the reply JSON only (or nothing, when a file reply goes to {@code --out});
 * everything else goes to standard error.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Call one Plaid operation and print its JSON reply.",
                "Credentials come from a stored --profile, or from PLAID_CLIENT_ID and PLAID_SECRET."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the call succeeded", "1:Plaid answered with an error", "2:bad command line or body; nothing sent",
                "3:no usable answer (timeout, unreachable, not a Plaid reply)"})
public final class CallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "The operation: a path such as /accounts/get (a templated one with its parameters filled in), or an operationId.")
    String operation;

    @Option(names = "--body", paramLabel = "JSON|@FILE|-", defaultValue = "{}",
            description = "The request body: JSON text, @FILE to read it from a file, or - for standard input (default: {}).")
    String body;

    @Option(names = "--env", paramLabel = "sandbox|production|URL", defaultValue = "sandbox",
            description = "Where to send it: sandbox, production, or a base URL such as http://127.0.0.1:8080 (default: sandbox).")
    String environment;

    @Option(names = "--production",
            description = "Treat the --env URL as Plaid Production (a proxy in front of it, say): destructive and money-moving "
                    + "calls then need confirmation. Plaid's own production host and a body holding a production token need it anyway.")
    boolean markedProduction;

    @Option(names = "--allow-insecure-http",
            description = "Allow an http:// --env URL on another machine; the secret and tokens then cross the network unencrypted.")
    boolean plainHttpAllowed;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use a profile stored in the vault (its environment and credentials) instead of --env and PLAID_CLIENT_ID/PLAID_SECRET; "
                    + "the call is then kept in the vault's request history and audit log.")
    String profileName;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the reply to FILE instead of standard output (required for PDF and zip replies).")
    Path out;

    @Option(names = "--skip-validation", description = "Send the body even if it does not match the operation's schema.")
    boolean skipValidation;

    @Option(names = "--yes", description = "Confirm a destructive or money-moving call in Production without asking.")
    boolean yes;

    @Option(names = {"-v", "--verbose"}, description = "Print the HTTP status, request_id and duration on standard error.")
    boolean verbose;

    private final Map<String, String> environmentVariables;

    public CallCommand() {
        this(System.getenv());
    }

    /** For tests: credentials from the given map instead of the process environment. */
    CallCommand(Map<String, String> environmentVariables) {
        this.environmentVariables = environmentVariables;
    }

    @Override
    public Integer call() throws Exception {
        return VaultAccess.run(spec, this::callOperation);
    }

    private Integer callOperation() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (profileName != null && (markedProduction || plainHttpAllowed)) {
            throw new CommandFailure("--production and --allow-insecure-http go with --env URL; a profile keeps its own "
                    + "(tartan profile add NAME --env URL --production ...)");
        }
        PlaidEnvironment target = profileName == null ? targetOfEnv() : null;
        OperationCatalog catalog = OperationCatalog.loadBundled();
        Operation op = catalog.find(operation).orElseThrow(() -> unknownOperation(catalog));
        String path = pathToCall(op);
        PlaidRequest request;
        try {
            request = op.method().equals("GET") ? PlaidRequest.get(path) : PlaidRequest.post(path, readBody());
        } catch (IOException e) {
            throw new CommandFailure(e.getMessage());
        }
        if (request.body() != null && !skipValidation) {
            List<SchemaProblem> problems = catalog.validateRequest(op, PlaidJson.mapper().readTree(request.body()));
            if (!problems.isEmpty()) {
                err.println("error: the body does not match " + op.path() + "'s request schema; nothing was sent:");
                problems.forEach(p -> err.println("  " + p));
                err.println("(--skip-validation sends it anyway)");
                return ExitCodes.USAGE;
            }
        }
        try (Connection connection = profileName != null ? ConnectionToProfile.open(spec, profileName) : direct(target)) {
            PlaidEnvironment destination = connection.environment();
            if (op.needsProductionConfirmation() && destination.isProductionCall(request.body()) && !confirmed(op,
                    destination.isProduction() ? "in PRODUCTION" : "in PRODUCTION (the body holds a Production token)", err)) {
                return ExitCodes.USAGE;
            }
            CompletableFuture<PlaidResponse> call = out == null ? connection.send(request) : connection.download(request, out);
            Thread cancelOnExit = new Thread(() -> call.cancel(true));
            Runtime.getRuntime().addShutdownHook(cancelOnExit);
            try {
                return print(call.get(), err);
            } catch (ExecutionException e) {
                return report(e.getCause(), err);
            } finally {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            }
        }
    }

    /** For a name the catalog does not know: the operations it was probably meant to be, or an ops search to run. */
    private CommandFailure unknownOperation(OperationCatalog catalog) {
        List<Operation> close = catalog.closeTo(operation, 3);
        String hint = close.isEmpty()
                ? "Try: tartan ops " + operation.replaceAll("[/_]", " ").trim()
                : "Did you mean " + close.stream().map(op -> op.path() + " (" + op.operationId() + ")")
                        .collect(Collectors.joining(", ")) + "?";
        return new CommandFailure("no Plaid operation is called '" + operation + "'. " + hint);
    }

    /**
     * Where the call goes: the catalog's path, found by path or operationId. A templated path
     * ({@code /fdx/recipient/{recipientId}}) goes to the concrete path typed, which must fill it in.
     */
    private String pathToCall(Operation op) {
        if (!op.path().contains("{")) {
            return op.path();
        }
        String typed = normalise(operation);
        if (typed.contains("{") || operation.trim().equalsIgnoreCase(op.operationId())) {
            throw new CommandFailure(op.operationId() + " is " + op.method() + " " + op.path()
                    + ": give the path with its parameters filled in, e.g. tartan call "
                    + op.path().replaceAll("\\{([^}]+)}", "<$1>"));
        }
        return typed;
    }

    /** Without --profile: --env and the PLAID_CLIENT_ID / PLAID_SECRET variables. */
    private Connection direct(PlaidEnvironment target) {
        Credentials credentials = credentialsFromEnvironment();
        PlaidClient client = PlaidClient.builder().baseUrl(target.baseUrl()).allowPlainHttp(target.plainHttpAllowed())
                .credentials(credentials).build();
        return new Connection() {
            @Override
            public PlaidEnvironment environment() {
                return target;
            }

            @Override
            public CompletableFuture<PlaidResponse> send(PlaidRequest request) {
                return client.send(request);
            }

            @Override
            public CompletableFuture<PlaidResponse> download(PlaidRequest request, Path file) {
                return client.download(request, file);
            }

            @Override
            public void close() {
            }
        };
    }

    /** --env with what --production and --allow-insecure-http say about it. */
    private PlaidEnvironment targetOfEnv() {
        PlaidEnvironment target = PlaidEnvironment.parse(environment);
        if (target.baseUrl() == null) {
            throw new CommandFailure("--env emulator needs the emulator's URL (tartan emulator prints it), or use --profile \""
                    + "Local emulator\" to start the built-in one");
        }
        if ((markedProduction || plainHttpAllowed) && target.kind() != PlaidEnvironment.Kind.CUSTOM) {
            throw new CommandFailure("--production and --allow-insecure-http are for an --env URL, not --env " + target.asText());
        }
        if (markedProduction || plainHttpAllowed) {
            target = target.withProductionMark(markedProduction).withPlainHttpAllowed(plainHttpAllowed);
        }
        target.plainHttpRefusal().ifPresent(refusal -> {
            throw new CommandFailure(refusal + " Nothing was sent.");
        });
        return target;
    }

    private Credentials credentialsFromEnvironment() {
        String clientId = environmentVariables.get("PLAID_CLIENT_ID");
        String secret = environmentVariables.get("PLAID_SECRET");
        if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
            throw new CommandFailure("set PLAID_CLIENT_ID and PLAID_SECRET to your Plaid credentials, or use --profile NAME");
        }
        Credentials credentials = new Credentials(clientId.trim(), secret.trim());
        Credentials.characterProblem("PLAID_CLIENT_ID", credentials.clientId())
                .or(() -> Credentials.characterProblem("PLAID_SECRET", credentials.secret()))
                .ifPresent(problem -> {
                    throw new CommandFailure(problem + " Nothing was sent.");
                });
        return credentials;
    }

    private String readBody() throws IOException {
        if (body.equals("-")) {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (body.startsWith("@")) {
            Path file = Path.of(body.substring(1));
            if (!Files.isRegularFile(file)) {
                throw new IOException("no such file: " + file);
            }
            return Files.readString(file);
        }
        return body;
    }

    /** {@code where} says why the call counts as Production. */
    private boolean confirmed(Operation op, String where, PrintWriter err) {
        if (yes) {
            return true;
        }
        java.io.Console console = System.console();
        String what = op.path() + " " + op.flags().stream().map(f -> f.label()).toList();
        if (console == null) {
            err.println("error: " + what + " " + where + " needs confirmation: add --yes");
            return false;
        }
        String answer = console.readLine("%s %s. Type the path (%s) to go ahead: ", what, where, op.path());
        if (answer == null || !answer.trim().equals(op.path())) {
            err.println("Not confirmed; nothing was sent.");
            return false;
        }
        return true;
    }

    private int print(PlaidResponse response, PrintWriter err) throws IOException {
        if (verbose) {
            err.printf("HTTP %d  request_id=%s  %d ms%s%n", response.httpStatus(), response.requestId(),
                    response.duration().toMillis(), response.attempts() > 1 ? "  (" + response.attempts() + " attempts)" : "");
        }
        if (out != null) {
            if (response.file() == null) {
                Files.write(out, response.isJson() ? pretty(response.json()).getBytes(StandardCharsets.UTF_8) : response.bytes());
            }
            err.printf("Wrote %s (%d bytes, %s)%n", out, Files.size(out), response.contentType());
            return ExitCodes.OK;
        }
        if (!response.isJson()) {
            err.printf("error: the reply is a file (%s, %d bytes): add --out FILE to save it%n",
                    response.contentType(), response.size());
            return ExitCodes.USAGE;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(pretty(response.json()));
        stdout.flush();
        return ExitCodes.OK;
    }

    /** Where a call goes, and what it holds open until the command ends. */
    interface Connection extends AutoCloseable {
        PlaidEnvironment environment();

        CompletableFuture<PlaidResponse> send(PlaidRequest request);

        /** Sends {@code request}; a file reply streams into {@code file}. */
        CompletableFuture<PlaidResponse> download(PlaidRequest request, Path file);

        @Override
        void close();
    }

    private static int report(Throwable failure, PrintWriter err) {
        // Plaid's messages may echo what was sent, a token included.
        Consumer<String> line = text -> err.println(Redactor.shared().redact(text));
        if (failure instanceof PlaidApiException api) {
            PlaidError error = api.error();
            line.accept("error: " + error.typeAndCode() + " (HTTP " + error.httpStatus() + ")");
            line.accept("  " + error.errorMessage());
            if (error.displayMessage() != null) {
                line.accept("  shown to users: " + error.displayMessage());
            }
            line.accept("  request_id: " + error.requestId());
            if (error.suggestedAction() != null) {
                line.accept("  suggested action: " + error.suggestedAction());
            }
            if (error.documentationUrl() != null) {
                line.accept("  docs: " + error.documentationUrl());
            }
            return ExitCodes.PLAID_ERROR;
        }
        line.accept("error: " + (failure.getMessage() != null ? failure.getMessage() : failure.toString()));
        return ExitCodes.FAILURE;
    }

    private static String pretty(JsonNode json) throws IOException {
        return PlaidJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
    }

    private static String normalise(String path) {
        String trimmed = path.trim();
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
