import type { Role } from '@shared/contract';

/** A screen with its live stream open: whose session it is, and since when. */
interface Screen {
  role: Role;
  stationId: number | null;
  since: number;
}

/**
 * The screens signed in and listening right now (their live event stream open), held in the core's
 * memory: the counter sees whether the broadcast room's screen is there before it relies on it.
 * A stream that ends (the page closed, the station's link down, the session over) leaves at once.
 */
export class Presence {
  private readonly screens = new Map<symbol, Screen>();

  /** `onChange` hears the role whose screens came or went. */
  constructor(private readonly onChange: (role: Role) => void) {}

  /** A stream opened; the answer is called when it ends (once, however often it is called). */
  attach(screen: Screen): () => void {
    const key = Symbol('screen');
    this.screens.set(key, screen);
    this.onChange(screen.role);
    return () => {
      if (this.screens.delete(key)) this.onChange(screen.role);
    };
  }

  /** The screens of a role listening now, and since when the oldest of them has been there (null: none). */
  of(role: Role): { screens: number; since: number | null } {
    const list = [...this.screens.values()].filter((screen) => screen.role === role);
    return { screens: list.length, since: list.length > 0 ? Math.min(...list.map((screen) => screen.since)) : null };
  }
}
