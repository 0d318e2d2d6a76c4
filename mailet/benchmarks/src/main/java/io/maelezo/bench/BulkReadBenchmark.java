package io.maelezo.bench;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.BounceReader;
import io.maelezo.report.BounceReport;
import io.maelezo.report.Failure;

/**
 * The steady state of {@code classify --eml}: one bounce of the shared Sisimai corpus after the
 * other (read from memory), recognised, its recipients read and each given its verdict, as the CLI
 * does for each file. The whole process, start-up included, is measured by
 * {@code bulk-vs-sisimai.sh}. Run from the repository root ({@code -Dmaelezo.corpus=...} names
 * another folder).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BulkReadBenchmark {
    private static final Session SESSION = Session.getInstance(new Properties());
    private BounceDecorator decorator;
    private BounceReader reader;
    private List<byte[]> bounces;
    private int next;

    @Setup
    public void setUp() throws Exception {
        reader = BounceReader.load();
        decorator = new BounceDecorator(Engine.create(Settings.defaults()), reader);
        bounces = new ArrayList<>();
        Path corpus = Path.of(System.getProperty("maelezo.corpus", "../shared/corpus/sisimai/emails"));
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                bounces.add(Files.readAllBytes(file));
            }
        }
    }

    @Benchmark
    public int readOneBounce() throws Exception {
        byte[] bytes = bounces.get(next);
        next = (next + 1) % bounces.size();
        Optional<BounceReport> report = reader.read(new MimeMessage(SESSION, new ByteArrayInputStream(bytes)));
        int read = 0;
        if (report.isPresent()) {
            for (Failure failure : report.get().failures()) {
                read += decorator.verdict(failure, Optional.empty(), report.get()).classification().category().ordinal();
            }
        }
        return read;
    }
}
