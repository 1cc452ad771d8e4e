package io.multibot.simulator;

/** The report builders the routes answer from. */
record Reports(TradeReports trades, ProfitReports profit, InfoReports info) {}
