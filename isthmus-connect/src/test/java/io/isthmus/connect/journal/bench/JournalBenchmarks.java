package io.isthmus.connect.journal.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the journal benchmarks with JMH command-line arguments, e.g. {@code -wi 2 -i 3 -f 1}; all of
 * them ({@link JournalAppendBenchmark}, {@link JournalReadBenchmark}) unless the arguments name some.
 * Needs the classes the JMH annotation processor generates, so build with the bench profile:
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl isthmus-connect -am verify -DskipTests -Djmh.args="-wi 2 -i 3 -f 1"
 * ./mvnw -B -q -Pbench -pl isthmus-connect -am verify -DskipTests -Djmh.args="JournalReadBenchmark"
 * </pre>
 */
public final class JournalBenchmarks {
    private JournalBenchmarks() {}

    public static void main(String[] args) throws Exception {
        var commandLine = new CommandLineOptions(args);
        var builder = new OptionsBuilder().parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) { // else only what the command line names
            builder.include(JournalAppendBenchmark.class.getName()).include(JournalReadBenchmark.class.getName());
        }
        var options = builder.build();
        new Runner(options).run();
    }
}
