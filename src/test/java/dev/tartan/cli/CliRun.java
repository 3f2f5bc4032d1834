package dev.tartan.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs Tartan's command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} with {@code environment} as the process environment of the commands that read it. */
    static CliRun run(Map<String, String> environment, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == CallCommand.class) {
                    return type.cast(new CallCommand(environment));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cl = TartanCommand.commandLine(factory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
