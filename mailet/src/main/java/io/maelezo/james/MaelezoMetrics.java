package io.maelezo.james;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;

import io.maelezo.engine.Category;

/**
 * maelezo's counters, through James's {@link MetricFactory}: explained bounces per category, bounces
 * per outcome, alerts sent. Webadmin's {@code /metrics} shows each as Prometheus writes a counter,
 * its name and {@code _total} ({@code maelezo_outcome_explained_total}); README lists them all.
 * Every counter is made when James starts, so {@code /metrics} lists them all from the start.
 */
public final class MaelezoMetrics {
    /** The names of every counter in James's registry (Prometheus adds {@code _total}). */
    public static final List<String> NAMES = names();

    private final Map<String, Runnable> counters = new LinkedHashMap<>();
    private final Map<String, LongSupplier> counts = new LinkedHashMap<>();

    private MaelezoMetrics(Function<String, Runnable> increment, Function<String, LongSupplier> count) {
        for (String name : NAMES) {
            counters.put(name, increment.apply(name));
            counts.put(name, count.apply(name));
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Category category : Category.values()) {
            names.add(categoryName(category.id()));
        }
        names.add("maelezo_outcome_explained");
        names.add("maelezo_outcome_unchanged");
        names.add("maelezo_outcome_to_dsnbounce");
        names.add("maelezo_postmaster_alerts_sent");
        return List.copyOf(names);
    }

    private static String categoryName(String id) {
        return "maelezo_explained_" + id.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** The counters of James's metric registry. */
    public static MaelezoMetrics of(MetricFactory factory) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        return new MaelezoMetrics(name -> metrics.computeIfAbsent(name, factory::generate)::increment,
            name -> metrics.computeIfAbsent(name, factory::generate)::getCount);
    }

    /** Counters of its own, outside James (tests, the command line). */
    public static MaelezoMetrics none() {
        Map<String, AtomicLong> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            values.put(name, new AtomicLong());
        }
        return new MaelezoMetrics(name -> values.get(name)::incrementAndGet, name -> values.get(name)::get);
    }

    /** A bounce explained, with the categories of its recipients (each counted once per bounce). */
    public void explained(Iterable<String> categories) {
        counters.get("maelezo_outcome_explained").run();
        for (String category : categories) {
            Runnable counter = counters.get(categoryName(category));
            if (counter != null) {
                counter.run();
            }
        }
    }

    /** A bounce DecorateBounce left as it came (nothing to explain, or it could not). */
    public void unchanged() {
        counters.get("maelezo_outcome_unchanged").run();
    }

    /** A failed mail ExplainedDSNBounce could not bounce: it goes on to DSNBounce. */
    public void toDsnBounce() {
        counters.get("maelezo_outcome_to_dsnbounce").run();
    }

    void alertSent() {
        counters.get("maelezo_postmaster_alerts_sent").run();
    }

    /** One counter's value. */
    public long count(String name) {
        return counts.get(name).getAsLong();
    }
}
