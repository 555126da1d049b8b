/**
 * The case runner (DESIGN "One core, four kinds"): what every case workflow does around its own process. It answers the
 * kind's view query and the caseCreated update, takes the kind's commands (one act update, refused by the kind's rules,
 * answered once the flow has reacted) and records a party's note; the workflow writes the case row through it as the
 * process starts, and drains through it before it returns. The kind gives its messages and rules (its registry entry),
 * its state, its view and how a command changes the state and the case row.
 *
 * Histories recorded before the runner existed replay on it: it issues the commands the workflows had written out, in
 * the same order (the transition's local activity, then the 10-second timer of an answer that waits on the flow).
 *
 * Cases started since 'act-answer-without-timer' wait for the flow without a timer of their own: the handler's timer
 * was started whenever its local activity happened to complete, interleaved with the flow's own commands in an order a
 * replay could not reproduce (a nondeterminism error on a busy worker). The API bounds the wait instead (actOnCase), and
 * a run about to end or continue as new answers every handler still waiting (host.finish).
 */
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import type { CaseEvent, Transition } from '../../activities/types';
import type { KindMessages } from '../kinds/kind-spec';
import { activities, nowIso, type CaseHost, type TransitionFacts } from './case-host';
import type { CaseViewBase } from './case-view';
import { caseCreatedUpdate, type KindCommand } from './definitions';
import { handleReassignment } from './reassign-tasks';
import { since } from './patch-generation';

/** What a command did, as the kind's apply function reports it: the event the case records for it, and maybe more. */
export type AppliedCommand = Pick<CaseEvent, 'type' | 'summary' | 'data'>;

export type { TransitionFacts };

export interface CaseRunnerSpec<V extends CaseViewBase, C extends KindCommand, A extends AppliedCommand, N> {
  /** the kind's messages (view query, act update, note signal) and its rules (the act's validator) */
  kind: KindMessages<V, C>;
  host: CaseHost;
  /** the kind's state; `created` turns true once the case row is written, and no handler persists before that */
  state: { created: boolean };
  view(): V;
  /**
   * Changes the state for a command the rules accepted; `version` is the command's number (host.noteCommand). It runs
   * before the handler's first await, so the next command's validator sees the state this one left.
   */
  apply(cmd: C, version: number): A;
  /** what the command's transition writes besides its event (case-row fields, parties); read once the row exists */
  persist(cmd: C, applied: A, version: number): TransitionFacts;
  /** what follows once the transition landed (texts to the parties) */
  afterPersist?(cmd: C, version: number): void;
  /**
   * Whether the answer waits, 10 seconds at most, until the main flow reacted to the command and came to rest (a task
   * opened, the case closed). Read once the transition landed.
   */
  awaitsFlow(cmd: C): boolean;
  /** the event a party's note is recorded as */
  noteEvent(note: N): CaseEvent;
}

export interface CaseRunner {
  /**
   * Writes the case row and its first events; from then on the handlers persist what they are sent. With
   * `withFirstRestPoint` the row is written together with the flow's first rest point (host.holdCreation), which the
   * flow must reach before anything else it writes; `created` turns true once it landed.
   */
  create(facts: TransitionFacts, opts?: { withFirstRestPoint?: boolean }): Promise<void>;
  /** Before the workflow returns: the kind's own background work, the host's, then every handler has finished. */
  drain(background?: Promise<unknown>[]): Promise<void>;
}

/** Sets the case's handlers up; call it before the first await of the workflow, so no message arrives unanswered. */
export function runCase<V extends CaseViewBase, C extends KindCommand, A extends AppliedCommand, N>(
  spec: CaseRunnerSpec<V, C, A, N>,
): CaseRunner {
  const { kind, host, state, view } = spec;
  const caseNo = host.caseNo;
  // Decided once, as the case starts: a case started before the change keeps the timer for the rest of its life.
  const answersWithoutTimer = since('act-answer-without-timer');

  setHandler(kind.view, view);
  // Sent with the start (update-with-start), so the API answers a filing only once the case row can be read.
  setHandler(caseCreatedUpdate, async () => {
    await condition(() => state.created);
    return caseNo;
  });
  setHandler(
    kind.act,
    async (cmd) => {
      const version = host.noteCommand();
      const applied = spec.apply(cmd, version);
      const event = host.event(applied.type, cmd.actor, applied.summary, applied.data);
      await condition(() => state.created);
      await activities.persistTransition({ caseNo, at: nowIso(), events: [event], ...spec.persist(cmd, applied, version) });
      spec.afterPersist?.(cmd, version);
      // Answer with the state after the main flow reacted (next task opened, case closed), not a moment before it.
      if (!spec.awaitsFlow(cmd)) return view();
      if (answersWithoutTimer) await condition(() => host.settled(version) || host.finishing);
      else await condition(() => host.settled(version), '10 seconds');
      return view();
    },
    // The validator sees the state left by every command accepted before it (each handler changes the state before its
    // first await), so a second outcome, or a withdrawal after an outcome, is refused even when both arrive together.
    { validator: (cmd) => kind.assertCommandAllowed(cmd, view()) },
  );
  handleReassignment(host, state, view);
  setHandler(kind.note.signal, async (note: N) => {
    const event = spec.noteEvent(note);
    await condition(() => state.created);
    await activities.persistTransition({ caseNo, at: nowIso(), events: [event] });
  });

  return {
    async create(facts, opts = {}) {
      if (opts.withFirstRestPoint) {
        host.holdCreation(facts, () => { state.created = true; });
        return;
      }
      await activities.persistTransition({ caseNo, at: nowIso(), ...facts });
      state.created = true;
    },
    async drain(background = []) {
      await Promise.all(background);
      await host.drainBackground();
      host.finish();
      await condition(allHandlersFinished);
    },
  };
}
