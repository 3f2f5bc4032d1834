package dev.tartan.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofMillis(400), Duration.ofSeconds(5));
    static final int DRAWS = 50;

    @Test
    void eachWaitIsBetweenHalfAndAllOfItsStepAndTheStepsDouble() {
        Random random = new Random(7);
        long[] steps = {400, 800, 1600, 3200};
        for (int i = 0; i < steps.length; i++) {
            int nextAttempt = i + 2;
            long step = steps[i];
            assertThat(draws(nextAttempt, random)).as("attempt %d", nextAttempt)
                    .allSatisfy(wait -> assertThat(wait).isBetween(step / 2, step));
        }
    }

    @Test
    void waitsAreJitteredSoClientsThatFailedTogetherDoNotRetryTogether() {
        List<Long> waits = draws(3, new Random(11));
        assertThat(waits.stream().distinct().count()).isGreaterThan(DRAWS / 2);
    }

    @Test
    void noWaitIsLongerThanTheCap() {
        assertThat(draws(6, new Random(3))).allSatisfy(wait -> assertThat(wait).isBetween(2500L, 5000L));
        assertThat(draws(60, new Random(3))).allSatisfy(wait -> assertThat(wait).isBetween(2500L, 5000L));
    }

    @Test
    void aServersRetryAfterIsHonouredUpToTheCap() {
        Random random = new Random(5);
        assertThat(POLICY.delayBefore(2, Duration.ofSeconds(2), random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.delayBefore(2, Duration.ZERO, random)).isEqualTo(Duration.ZERO);
        assertThat(POLICY.delayBefore(2, Duration.ofSeconds(60), random)).isEqualTo(POLICY.maxDelay());
        assertThat(POLICY.delayBefore(2, Duration.ofSeconds(-1), random).toMillis()).as("a nonsense value falls back to the backoff")
                .isBetween(200L, 400L);
    }

    private static List<Long> draws(int nextAttempt, Random random) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            waits.add(POLICY.delayBefore(nextAttempt, null, random).toMillis());
        }
        return waits;
    }
}
