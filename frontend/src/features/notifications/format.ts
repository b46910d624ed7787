/** What the notifications show, without the network: the badge, the links followed. */

/** The badge's text: the count, "99+" beyond. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/** Only a path inside the app is followed (the server writes nothing else, but a link is
 * never trusted to leave the app). */
export function safeLink(link: string): string | null {
  return link.startsWith('/') && !link.startsWith('//') ? link : null;
}
