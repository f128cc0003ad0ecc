package io.vocedge.device.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vocedge.device.clock.SystemRecordClock;
import io.vocedge.device.config.DeviceConfig;
import io.vocedge.device.pipeline.RecordSink;

/** What the agent hands to the stages it builds: configuration, the outbox as a sink, the clock, JSON. */
public record AgentContext(DeviceConfig config, RecordSink outbox, SystemRecordClock clock, ObjectMapper json) {}
