/** A long history (44 parties confirming) keeps a case page short on a phone: the latest entries shown, the earlier folded. */
const RECENT_EVENTS = 12;

export function timelineOf<E>(events: E[]) {
  const cut = Math.max(0, events.length - RECENT_EVENTS);
  return { earlierEvents: events.slice(0, cut), recentEvents: events.slice(cut), recentStart: cut + 1 };
}
