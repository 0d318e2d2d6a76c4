package io.maelezo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Decorate against DSNBounce as a ratio that the machine's drift does not decide: JMH runs every
 * fork of one benchmark before the other's, and this machine's speed moves by a quarter within
 * minutes. Here each round runs both benchmarks of {@link DecorateBenchmark} (a fresh JVM each,
 * original of 2 KB) one right after the other,
 * alternating which goes first, and takes the ratio of the two; the rounds' median ratio and
 * range are the result. Iterations as {@link DecorateRunSettings} says (3 warm-up, 5 measured, 2 s each):
 * shorter warm-ups favour maelezo, whose code the JIT has not finished compiling.
 *
 * <p>With {@code mailets} as second argument the pair is {@link MailetsBenchmark}'s instead: the
 * mailets as James runs them, with the copies James makes of the messages they hand on; with
 * {@code explained}, {@link MailetsBenchmark}'s {@code explained} (maelezo's bounce in DSNBounce's
 * place) against its {@code dsnBounce}.
 *
 * <p>{@code java -cp mailet/benchmarks/target/benchmarks.jar io.maelezo.bench.DecorateRatio [rounds] [decorate|mailets|explained]}
 */
public final class DecorateRatio {
    private DecorateRatio() {
    }

    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String mode = args.length > 1 ? args[1] : "decorate";
        boolean mailets = mode.equals("mailets") || mode.equals("explained");
        String benchmarks = mailets ? MailetsBenchmark.class.getName() : DecorateBenchmark.class.getName();
        String maelezo = mode.equals("explained") ? "explained" : mailets ? "maelezo" : "decorate";
        List<Double> ratios = new ArrayList<>();
        List<Double> decorate = new ArrayList<>();
        List<Double> dsnBounce = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double first;
            double second;
            if (round % 2 == 1) {
                first = microseconds(benchmarks, maelezo);
                second = microseconds(benchmarks, "dsnBounce");
                decorate.add(first);
                dsnBounce.add(second);
            } else {
                first = microseconds(benchmarks, "dsnBounce");
                second = microseconds(benchmarks, maelezo);
                dsnBounce.add(first);
                decorate.add(second);
            }
            ratios.add(decorate.get(round - 1) / dsnBounce.get(round - 1));
            System.out.printf(Locale.ROOT, "round %d: %s %.1f µs, DSNBounce %.1f µs, ratio %.2f%n",
                round, maelezo, decorate.get(round - 1), dsnBounce.get(round - 1), ratios.get(round - 1));
        }
        System.out.printf(Locale.ROOT, "%s: median %.1f µs (%.1f–%.1f)%n", maelezo, median(decorate), min(decorate), max(decorate));
        System.out.printf(Locale.ROOT, "DSNBounce: median %.1f µs (%.1f–%.1f)%n", median(dsnBounce), min(dsnBounce), max(dsnBounce));
        System.out.printf(Locale.ROOT, "ratio %s / DSNBounce: median %.2f (%.2f–%.2f) over %d rounds%n",
            maelezo, median(ratios), min(ratios), max(ratios), rounds);
    }

    private static double microseconds(String benchmarks, String benchmark) throws RunnerException {
        OptionsBuilder builder = new OptionsBuilder();
        if (benchmarks.equals(DecorateBenchmark.class.getName())) {
            builder.param("originalBytes", "2048");
        }
        Options options = builder
            .include(benchmarks + "\\." + benchmark + "$")
            .forks(1) // warm-up and measurement as DecorateRunSettings says
            .verbosity(VerboseMode.SILENT)
            .build();
        RunResult result = new Runner(options).runSingle();
        return result.getPrimaryResult().getScore();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
