package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestLogTest {

    @Test
    void keepsTheLatestRequestsOldestFirst() {
        RequestLog log = new RequestLog(3);

        for (int i = 1; i <= 5; i++) {
            log.add(request("/v1/jobs/job-" + i));
        }

        assertEquals(List.of("/v1/jobs/job-3", "/v1/jobs/job-4", "/v1/jobs/job-5"),
                log.all().stream().map(RecordedRequest::path).toList());
    }

    @Test
    void clearForgetsThemAll() {
        RequestLog log = new RequestLog();
        log.add(request("/v1/jobs/job-1"));

        log.clear();

        assertEquals(List.of(), log.all());
    }

    @Test
    void aThousandByDefault() {
        RequestLog log = new RequestLog();

        for (int i = 0; i <= RequestLog.CAPACITY; i++) {
            log.add(request("/v1/jobs/job-" + i));
        }

        assertEquals(1000, log.all().size());
        assertEquals("/v1/jobs/job-1", log.all().get(0).path());
    }

    private static RecordedRequest request(String path) {
        return new RecordedRequest(Jobs.T0, PictoryEndpoint.GET_JOB, "GET", path, null, Map.of(), KeyCheck.ACCEPTED, "", null);
    }
}
