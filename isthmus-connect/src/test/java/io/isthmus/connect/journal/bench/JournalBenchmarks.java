package io.isthmus.connect.journal.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the journal benchmarks with JMH command-line arguments, e.g. {@code -wi 2 -i 3 -f 1}.
 * Needs the classes the JMH annotation processor generates, so build with the bench profile:
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl isthmus-connect -am verify -DskipTests -Djmh.args="-wi 2 -i 3 -f 1"
 * </pre>
 */
public final class JournalBenchmarks {
    private JournalBenchmarks() {}

    public static void main(String[] args) throws Exception {
        var options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(JournalAppendBenchmark.class.getName())
                .build();
        new Runner(options).run();
    }
}
