/**
 * The procedural clocks of a legal-aid case (award 45 + 15 days, suit 15 days, appeal 15 / 10 days, enforcement 2
 * years): each is counted on the holiday calendar (StatutoryClock), kept in the case's state (so it survives
 * continue-as-new), and watched in the background: the lawyer and the centre's staff are warned before it runs out,
 * and its expiry is recorded. A clock is settled when the step it limits was taken.
 */
import { CancellationScope, condition, sleep } from '@temporalio/workflow';
import { activities, nowIso, nowMs, type CaseHost } from '../shared/case-host';
import { since } from '../shared/patch-generation';
import { periodText, shanghaiDate, shanghaiMinute, type Period } from '../shared/deadlines';
import type { StatutoryClock } from '../shared/statutory-clock';
import type { Lawyer, ProceduralClock } from '../kinds/legal-aid/model';
import type { LegalAidState } from '../kinds/legal-aid/state';
import type { LegalAidNotices } from './notices';

/** A date's period starts that day (the day itself not counted by periodDeadline). */
const startOf = (date: string) => Date.parse(`${date}T12:00:00+08:00`);

export interface ClockSpec {
  id: string;
  label: string;
  statute: string;
  startOn: string;
  period: Period;
}

const CANCEL_MARGIN_MS = 60_000;

/** The keeper's one timer: the moment it is set for, and whether it has fired. */
interface WakeTimer {
  at: number;
  fired: boolean;
  scope: CancellationScope;
}

export class ClockKeeper {
  private readonly dues = new Map<string, () => number>();
  private changes = 0;
  private timer: WakeTimer | null = null;

  constructor(
    private readonly host: CaseHost,
    private readonly clock: StatutoryClock,
    private readonly s: LegalAidState,
    private readonly notices: LegalAidNotices,
    private readonly lawyer: () => Lawyer | null,
    private readonly warning: number,
  ) {}

  private live(): ProceduralClock[] {
    return this.s.clocks.filter((c) => !c.settled && !c.expired);
  }

  find(id: string): ProceduralClock | undefined {
    return this.s.clocks.find((c) => c.id === id);
  }

  /** The clock's end as now computed (a calendar change may move it until it has passed). */
  dueOf(id: string): () => number {
    const due = this.dues.get(id);
    return due ?? (() => Date.parse(this.find(id)?.dueAt ?? nowIso()));
  }

  async start(spec: ClockSpec): Promise<ProceduralClock> {
    const existing = this.find(spec.id);
    if (existing) return existing;
    const due = await this.clock.deadline(spec.label, startOf(spec.startOn), spec.period);
    const c: ProceduralClock = { ...spec, period: spec.period as ProceduralClock['period'], dueAt: new Date(due()).toISOString(), warned: false, expired: false, settled: false };
    this.s.clocks.push(c);
    this.dues.set(c.id, due);
    this.changes++;
    await activities.persistTransition({
      caseNo: this.host.caseNo, at: nowIso(),
      events: [this.host.systemEvent('clock_started', `期限起算：“${c.label}”，自${c.startOn}起${periodText(spec.period)}，至${shanghaiDate(due())}届满（${c.statute}）`, { clockId: c.id, dueAt: c.dueAt, statute: c.statute })],
    });
    return c;
  }

  /** After continue-as-new: the clocks still running are computed again on the calendar as it is now. */
  async resume(): Promise<void> {
    for (const c of this.live()) {
      const due = await this.clock.deadline(c.label, startOf(c.startOn), c.period as Period);
      this.dues.set(c.id, due);
    }
    this.changes++;
  }

  settle(id: string): void {
    const c = this.find(id);
    if (!c || c.settled) return;
    c.settled = true;
    const due = this.dues.get(id);
    if (due) this.clock.release(due);
    this.changes++;
  }

  /** Watches the clocks until `stopped`: a warning before each end, the expiry when it passes. */
  async run(stopped: () => boolean): Promise<void> {
    // Since the patch a change that leaves the next moment where it was (a new clock years away) keeps the timer set for
    // it, where a timeout on the condition was cancelled and set again: two history events fewer, and no cancel of a
    // timer that fired in the same instant, which the Java test server refuses and then never gives the case another
    // workflow task (sdk-java#3088; a real server takes it).
    const keepsTimer = since('clock-keeper-keeps-its-timer');
    try {
      await this.watch(stopped, keepsTimer);
    } finally {
      this.dropTimer();
    }
  }

  private async watch(stopped: () => boolean, keepsTimer: boolean): Promise<void> {
    for (;;) {
      for (const c of this.live()) c.dueAt = new Date(this.dueOf(c.id)()).toISOString();
      const moments = this.live().map((c) => (c.warned ? Date.parse(c.dueAt) + 1 : Date.parse(c.dueAt) - this.warning));
      const next = moments.length > 0 ? Math.min(...moments) : null;
      const seen = this.changes;
      const moved = () => this.live().some((c) => this.dueOf(c.id)() !== Date.parse(c.dueAt));
      const wake = () => stopped() || this.changes !== seen || moved();
      if (keepsTimer) {
        const timer = next !== null && next > nowMs() ? this.timerFor(next) : this.dropTimer();
        if (next === null || timer) await condition(() => wake() || !!timer?.fired);
      } else if (next === null) await condition(wake);
      else if (next > nowMs()) await condition(wake, next - nowMs());
      if (stopped()) return;
      if (this.changes !== seen || moved()) continue;
      for (const c of this.live()) await this.tick(c);
    }
  }

  /** The timer for `at`: the one already set when it is for the same moment, else a new one. */
  private timerFor(at: number): WakeTimer {
    if (this.timer?.at === at && !this.timer.fired) return this.timer;
    this.dropTimer();
    const timer: WakeTimer = { at, fired: false, scope: new CancellationScope() };
    timer.scope.run(() => sleep(at - nowMs())).then(() => { timer.fired = true; }, () => undefined);
    this.timer = timer;
    return timer;
  }

  /**
   * Forgets the timer; cancels it only while its moment is more than a minute away. One closer may fire before the
   * cancel reaches the server (the race above): it is left to fire, one wake-up for nothing.
   */
  private dropTimer(): null {
    if (this.timer && !this.timer.fired && this.timer.at - nowMs() > CANCEL_MARGIN_MS) this.timer.scope.cancel();
    this.timer = null;
    return null;
  }

  private async tick(c: ProceduralClock): Promise<void> {
    const due = Date.parse(c.dueAt);
    const now = nowMs();
    if (now > due) {
      c.expired = true;
      c.warned = true;
      const told = await this.notices.tellClock(c, true, this.lawyer());
      await activities.persistTransition({
        caseNo: this.host.caseNo, at: nowIso(),
        events: [this.host.systemEvent('clock_expired', `期限届满：“${c.label}”已于${shanghaiMinute(due)}届满（${c.statute}），已短信告知${told.length}人`, { clockId: c.id, dueAt: c.dueAt })],
      });
    } else if (!c.warned && now >= due - this.warning) {
      c.warned = true;
      const told = await this.notices.tellClock(c, false, this.lawyer());
      await activities.persistTransition({
        caseNo: this.host.caseNo, at: nowIso(),
        events: [this.host.systemEvent('clock_warning', `期限提醒：“${c.label}”将于${shanghaiMinute(due)}届满（${c.statute}），已短信提醒承办律师和工作站（${told.length}人）`, { clockId: c.id, dueAt: c.dueAt })],
      });
    }
  }
}
