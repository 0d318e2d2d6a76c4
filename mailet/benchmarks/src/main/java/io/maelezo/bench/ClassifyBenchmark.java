package io.maelezo.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.maelezo.engine.Category;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.knowledge.BlocklistCatalog;
import io.maelezo.engine.knowledge.BlocklistOperator;
import io.maelezo.engine.knowledge.EnhancedStatusTable;
import io.maelezo.engine.knowledge.ReasonPatterns;
import io.maelezo.engine.knowledge.ReplyCodeTable;
import io.maelezo.engine.knowledge.VendorCodes;
import io.maelezo.engine.parse.DiagnosticParser;

/**
 * Classify: the engine's test set of real-world replies, one after the other, on one thread.
 * extraOperators and extraPatterns add synthetic blocklist operators and reason patterns (that
 * never match, so every reply pays for all of them) to show how the cost grows with the knowledge.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifyBenchmark {
    @Param({"0", "100", "1000"})
    int extraOperators;

    @Param({"0", "100"})
    int extraPatterns;

    private Classifier classifier;
    private String[] replies;
    private int next;

    @Setup
    public void setUp() throws Exception {
        List<BlocklistOperator> operators = new ArrayList<>();
        for (int i = 0; i < extraOperators; i++) {
            operators.add(new BlocklistOperator("synthetic" + i, "Synthetic " + i, Category.BLOCKLISTED,
                List.of("bl" + i + ".synthetic.example", "synthetic-list-" + i), "", "", "", null, null, ""));
        }
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < extraPatterns; i++) {
            patterns.add("\\b(synthetic reason " + i + "|never seen wording " + i + ")\\b");
        }
        classifier = new Classifier(new DiagnosticParser(), VendorCodes.load(), BlocklistCatalog.load().withOperators(operators),
            ReasonPatterns.load().withLeadingPatterns(patterns, Category.POLICY), EnhancedStatusTable.load(), ReplyCodeTable.load());
        List<String> texts = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            ClassifyBenchmark.class.getResourceAsStream("/io/maelezo/real-world-replies.tsv"), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#")).skip(1).forEach(line -> texts.add(line.split("\t")[0]));
        }
        texts.add("Too many retries failure. Bouncing after 1 retries.");
        texts.add("java.net.ConnectException: Connection refused");
        replies = texts.toArray(new String[0]);
    }

    @Benchmark
    public Classification classify() {
        String reply = replies[next];
        next = next + 1 == replies.length ? 0 : next + 1;
        return classifier.classify(reply);
    }
}
