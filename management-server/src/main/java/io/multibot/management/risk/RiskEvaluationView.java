package io.multibot.management.risk;

import java.time.Instant;
import java.util.List;

/** A policy's figures now, as the guard computes them. */
public record RiskEvaluationView(
    String policy,
    String kind,
    double threshold,
    String state,
    boolean breached,
    List<Measure> figures,
    Instant evaluatedAt) {}
