/** What every case workflow shares: ids, the event sequence, the workflow clock, the activity proxies, outbound SMS. */
import { inTurns, takeLocalActivitiesInTurn } from './local-turns';
import { isCancellation, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities, CaseEvent, FanOutAfterTransition, SmsBatchResult, SmsFanOut, Transition } from '../../activities/types';
import type { OpenTaskView } from './case-view';
import type { Reassignment } from './core-features/reassignment';
import { ROLE_LABELS, type Role } from './roles';
import { decidePatchGeneration, since } from './patch-generation';

/** A transition without its case number and time, which the host and the runner add. */
export type TransitionFacts = Omit<Transition, 'caseNo' | 'at'>;

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

/**
 * Postgres transactions and lookups are short and idempotent, so they run as local activities: in the worker that runs
 * the workflow task, recorded as a marker, with no scheduling round trip through the server. bench/ showed the server
 * saturated by those round trips (about eleven activities per intake) long before the worker or Postgres.
 */
const local = inTurns(proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry }));

/**
 * SMS leave the system through a gateway that may be slow or down: ordinary activities, retried by the server on any
 * worker, one per batch of recipients. The activity heartbeats while it waits on the gateway, so when a worker dies
 * mid-send another takes the batch over after the heartbeat timeout, not after the whole start-to-close timeout.
 * A gateway that refuses a number for good is not retried (the activity reports it; see sendSms below).
 */
const outbound = proxyActivities<CaseActivities>({ startToCloseTimeout: '1 minute', heartbeatTimeout: '20 seconds', retry });

/**
 * A fan-out tried once within the workflow task that decided it, with a short timeout: with the gateway answering, the
 * case's first task is then its only one (no activity task, no second workflow task; bench/: the server's round trips
 * and the worker's activations set the pace of intake). A gateway slow or down fails that try, and the ordinary,
 * heartbeating activity takes the batch over; the outbox's keys keep anyone from being texted twice.
 */
const firstTry = inTurns(proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '3 seconds', retry: { maximumAttempts: 1 } }));

async function sendSmsFanOut(f: SmsFanOut): Promise<SmsBatchResult> {
  try {
    return await firstTry.sendSmsFanOut(f);
  } catch (err) {
    // A local activity's failure arrives as its cause (the gateway's error, a timeout), not wrapped as an ActivityFailure.
    if (isCancellation(err)) throw err;
    return outbound.sendSmsFanOut(f);
  }
}

export const activities: Pick<CaseActivities, 'persistTransition' | 'findContacts' | 'findEnterpriseChair' | 'sendSms' | 'sendSmsBatch' | 'sendSmsFanOut'> = {
  persistTransition: local.persistTransition,
  findContacts: local.findContacts,
  findEnterpriseChair: local.findEnterpriseChair,
  sendSms: outbound.sendSms,
  sendSmsBatch: outbound.sendSmsBatch,
  sendSmsFanOut,
};

/** Inside a workflow the SDK makes Date deterministic (it returns the time of the current workflow task). */
export function nowMs(): number {
  return Date.now();
}
export function nowIso(): string {
  return new Date(nowMs()).toISOString();
}

export class CaseHost {
  readonly workflowId = workflowInfo().workflowId;
  readonly openTasks = new Map<string, OpenTaskView>();
  /** who holds which of the case's tasks since a supervisor moved them (core-features/reassignment.ts) */
  readonly reassignments: Reassignment[] = [];
  /** how many commands have been applied, and up to which one the flow has reacted and come to rest */
  private commandVersion = 0;
  private settledVersion = 0;
  private finished = false;
  private seq = 0;
  private taskNo = 0;
  /** work that must finish before the case does but must not hold up a step (reminder SMS) */
  private readonly pending: Promise<unknown>[] = [];
  private running = 0;
  private heldCreation: HeldCreation | undefined;

  constructor(
    readonly caseNo: string,
    readonly units: { districtId: string; streetId: string },
    /** the input's stamp (patch-generation.ts), absent in cases started before stamps and in those other workflows start */
    patchGeneration?: number,
  ) {
    decidePatchGeneration(patchGeneration);
    takeLocalActivitiesInTurn(since('serial-local-activities'));
  }

  event(type: string, actor: { name: string; role: Role | 'system' }, summary: string, data: Record<string, unknown> = {}): CaseEvent {
    const seq = ++this.seq;
    return { key: `${this.workflowId}#${seq}`, seq, type, actor: actor.name, actorRole: actor.role, summary, data, at: nowIso() };
  }

  systemEvent(type: string, summary: string, data: Record<string, unknown> = {}): CaseEvent {
    return this.event(type, { name: '系统', role: 'system' }, summary, data);
  }

  /** Called by a command handler as it changes the state; the number is what `settled` waits for. */
  noteCommand(): number {
    return ++this.commandVersion;
  }

  settled(version: number): boolean {
    return this.settledVersion >= version;
  }

  /** True once the run is about to end or continue as new: a command still waiting for the flow is answered as it is. */
  get finishing(): boolean {
    return this.finished;
  }

  finish(): void {
    this.finished = true;
  }

  /**
   * Persists a transition after which the flow waits for people again (a task opened, a side task closed, the case
   * closed). Commands applied before it began are answered once it lands; one that arrives meanwhile waits for the next
   * rest point, because this one was decided without it.
   */
  async persistRestPoint(t: Transition): Promise<void> {
    const seen = this.commandVersion;
    const held = this.heldCreation;
    this.heldCreation = undefined;
    const transition = held ? withCreation(held.facts, t) : t;
    if (held?.fanOut) {
      const sent = await local.persistThenFanOut({ transition, fanOut: held.fanOut.f });
      held.landed();
      held.fanOut.done(sent);
    } else {
      await activities.persistTransition(transition);
      held?.landed();
    }
    this.settledVersion = Math.max(this.settledVersion, seen);
  }

  /**
   * The case's creation, written together with its first rest point (the first task opened) instead of on its own:
   * one local activity and one transaction fewer per case (issue 24). `landed` runs once both are written.
   */
  holdCreation(facts: TransitionFacts, landed: () => void): void {
    this.heldCreation = { facts, landed };
  }

  /**
   * A fan-out sent by the local activity that writes the held creation, right after it is written (issue 24): one
   * local activity, one activation and one marker fewer in the case's first task. A try that failed within it goes to
   * the retrying activity, as sendSmsFanOut's own first try does. Without a creation held, the fan-out is sent alone.
   */
  fanOutWithCreation(f: SmsFanOut): Promise<SmsBatchResult> {
    const held = this.heldCreation;
    if (!held || held.fanOut) return sendSmsFanOut(f);
    return new Promise<FanOutAfterTransition>((done) => { held.fanOut = { f, done }; })
      .then((r) => ('sent' in r ? r.sent : outbound.sendSmsFanOut(f)));
  }

  /**
   * What a run hands to the next when the case continues as new: the counters that key its events and tasks, and who
   * holds its tasks since a reassignment (only when there was one, so earlier runs hand over what they always did).
   */
  counters(): { seq: number; taskNo: number; reassignments?: Reassignment[] } {
    return { seq: this.seq, taskNo: this.taskNo, ...(this.reassignments.length > 0 ? { reassignments: [...this.reassignments] } : {}) };
  }

  /** The next run goes on counting where the last one stopped, so no event or task key is used twice. */
  resume(c: { seq: number; taskNo: number; reassignments?: Reassignment[] }): void {
    this.seq = c.seq;
    this.taskNo = c.taskNo;
    this.reassignments.push(...(c.reassignments ?? []));
  }

  nextTaskId(kind: string): string {
    return `${this.workflowId}/${kind}/${++this.taskNo}`;
  }

  /**
   * Sends through one of the SMS activities and records, as events staff see on the case, every message the gateway
   * refused for good: that person has to be reached another way.
   */
  async sendSms(send: () => Promise<SmsBatchResult | void>): Promise<void> {
    const rejected = (await send())?.rejected ?? [];
    if (rejected.length === 0) return;
    await activities.persistTransition({
      caseNo: this.caseNo, at: nowIso(),
      events: rejected.map((r) => this.systemEvent('sms_rejected',
        `短信未能送达${ROLE_LABELS[r.role] ?? r.role}${r.name}（${r.reason}），请改用电话等方式联系`, { key: r.key, role: r.role, reason: r.reason })),
    });
  }

  inBackground(work: Promise<unknown>): void {
    this.running += 1;
    this.pending.push(work.finally(() => { this.running -= 1; }));
  }

  /** Background work still under way (an e-mail retried while the mail server is down): a run continues as new only without it. */
  get busyInBackground(): boolean {
    return this.running > 0;
  }

  /** Before the workflow ends: what was sent off in the background has finished. */
  async drainBackground(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
  }
}

interface HeldCreation {
  facts: TransitionFacts;
  landed: () => void;
  fanOut?: { f: SmsFanOut; done: (r: FanOutAfterTransition) => void };
}

/** One transition that creates the case and then does what `t` does; the creation's events come first. */
function withCreation(creation: TransitionFacts, t: Transition): Transition {
  return { ...creation, ...t, events: [...(creation.events ?? []), ...(t.events ?? [])] };
}
