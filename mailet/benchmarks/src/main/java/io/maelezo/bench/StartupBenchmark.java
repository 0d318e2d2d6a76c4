package io.maelezo.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;

/**
 * What maelezo adds to James's start: loading the knowledge files, the texts and the templates,
 * once, in a fresh JVM (each fork is a cold start).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class StartupBenchmark {
    @Benchmark
    public Engine loadEverything() {
        return Engine.create(Settings.defaults());
    }
}
