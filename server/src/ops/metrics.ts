import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ItemResult } from '../competitions/runtime-types';
import { DomainError } from '../domain/errors';

/** Where a batch of marks came from: a socket command or the REST fallback. */
export type MarkTransport = 'socket' | 'http';

/** The sockets connected to this instance, read when /metrics is scraped (nothing per connect). */
export interface SocketCounts {
  tablets: number;
  spectators: number;
  consoles: number;
}

/**
 * What /metrics shows (prom-client, Prometheus text format). Each server has its own registry, so
 * two servers in one test process never share counters. Counting costs an increment per batch
 * and per board push; the socket counts are read at scrape time.
 */
export class Metrics {
  readonly registry = new Registry();
  private socketCounts: () => SocketCounts = () => ({ tablets: 0, spectators: 0, consoles: 0 });

  private readonly marks = new Counter({
    name: 'ashyq_marks_total',
    help: 'Marks sent by tablets, by outcome: accepted (recorded), duplicate (a retry, acknowledged again) or refused (by the rules)',
    labelNames: ['outcome', 'transport'] as const,
    registers: [this.registry],
  });

  private readonly ackLatency = new Histogram({
    name: 'ashyq_mark_ack_seconds',
    help: 'From a batch of marks arriving to its acknowledgement, once its marks are durable',
    labelNames: ['transport'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly commands = new Counter({
    name: 'ashyq_socket_commands_total',
    help: 'Socket.IO commands answered, by namespace, command and outcome (ok or the error code)',
    labelNames: ['namespace', 'command', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly boardPushes = new Counter({
    name: 'ashyq_board_pushes_total',
    help: 'Board updates (diffs) sent to the spectators of a board or overview',
    registers: [this.registry],
  });

  private readonly boardLatency = new Histogram({
    name: 'ashyq_board_push_latency_seconds',
    help: 'From the first change of a board (an append, a ceremony step) to its update leaving',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [this.registry],
  });

  constructor() {
    const counts = () => this.socketCounts();
    new Gauge({
      name: 'ashyq_connected_tablets',
      help: 'Expert tablets connected to this instance (/expert sockets)',
      registers: [this.registry],
      collect() {
        this.set(counts().tablets);
      },
    });
    new Gauge({
      name: 'ashyq_connected_spectators',
      help: 'Public boards connected to this instance (/board sockets)',
      registers: [this.registry],
      collect() {
        this.set(counts().spectators);
      },
    });
    new Gauge({
      name: 'ashyq_connected_consoles',
      help: "Chief experts' consoles connected to this instance (/chief sockets)",
      registers: [this.registry],
      collect() {
        this.set(counts().consoles);
      },
    });
    // Process metrics, among them the event-loop lag (nodejs_eventloop_lag_seconds and its
    // percentiles): what a blocked loop costs every tablet and board at once.
    collectDefaultMetrics({ register: this.registry });
  }

  /** A batch of marks acknowledged `seconds` after it arrived. */
  marksAcknowledged(transport: MarkTransport, results: readonly ItemResult[], seconds: number) {
    let accepted = 0;
    let duplicate = 0;
    for (const result of results) {
      if (result.status === 'accepted') accepted++;
      else if (result.status === 'duplicate') duplicate++;
    }
    const refused = results.length - accepted - duplicate;
    if (accepted) this.marks.inc({ outcome: 'accepted', transport }, accepted);
    if (duplicate) this.marks.inc({ outcome: 'duplicate', transport }, duplicate);
    if (refused) this.marks.inc({ outcome: 'refused', transport }, refused);
    this.ackLatency.observe({ transport }, seconds);
  }

  commandAnswered(namespace: string, command: string, outcome: string): void {
    this.commands.inc({ namespace, command, outcome });
  }

  /** A board update left; `seconds` since the change that caused it, when known. */
  boardPushed(seconds: number | undefined): void {
    this.boardPushes.inc();
    if (seconds !== undefined) this.boardLatency.observe(seconds);
  }

  /** Who to ask for the socket counts (the realtime layer, once attached). */
  countSockets(read: () => SocketCounts): () => void {
    this.socketCounts = read;
    return () => {
      if (this.socketCounts === read) {
        this.socketCounts = () => ({ tablets: 0, spectators: 0, consoles: 0 });
      }
    };
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics. Without a token configured it does not exist (404, as any unknown path); with
 * one it answers only `Authorization: Bearer <token>`, compared in constant time.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async (req, res) => {
    if (!expected) throw new DomainError('not_found');
    const given = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new DomainError('unauthorized');
    }
    res.set('Content-Type', metrics.registry.contentType);
    res.set('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  };
}
