package io.maelezo.james;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.core.healthcheck.ComponentName;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;
import org.reactivestreams.Publisher;

import com.google.inject.Inject;

import io.maelezo.engine.alert.AlertMail;
import io.maelezo.engine.alert.Refusal;
import reactor.core.publisher.Mono;

/**
 * The health check {@code maelezo} (webadmin's {@code /healthcheck}; listed in
 * {@code healthcheck.properties} as {@code additional.healthchecks=io.maelezo.james.MaelezoHealthCheck}):
 * DEGRADED while remote servers refused this installation itself within {@code alertInterval},
 * saying which; HEALTHY otherwise. Never UNHEALTHY: that would take the node out of a load balancer
 * for something no restart mends.
 */
public class MaelezoHealthCheck implements HealthCheck {
    static final ComponentName NAME = new ComponentName("maelezo");
    private final PostmasterAlerts alerts;

    @Inject
    public MaelezoHealthCheck(PostmasterAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public ComponentName componentName() {
        return NAME;
    }

    @Override
    public Publisher<Result> check() {
        return Mono.fromCallable(() -> {
            List<Refusal> recent = alerts.recent();
            if (recent.isEmpty()) {
                return Result.healthy(NAME);
            }
            return Result.degraded(NAME, "remote servers refuse this server's mail (within the last " + AlertMail.readable(alerts.interval()) + "): "
                + recent.stream().limit(5).map(Refusal::toString).collect(Collectors.joining("; ")));
        });
    }
}
