// What one client may cost a room, for both apps: the rules of the rooms
// protocol's "Rules" section. A `join` or `leave` sends `system` and
// `presence` to every member, so one script joining and leaving in a loop
// turns every page in the room into a firehose; a `say` reaches every
// member too. Each connection has its budgets, and so has each client
// address: opening ten connections must not buy ten times the room.
import { isIPv4, isIPv6 } from "node:net";
import { LIMITS } from "./limits.js";
import { refusal, type Answer, type RequestEvent } from "./schema.js";
import { TokenBucket } from "./token-bucket.js";

/** What to do with one request. */
export type Verdict =
  /** Handle it. */
  | { readonly kind: "go" }
  /** Drop it without an answer (an extra `typing`). */
  | { readonly kind: "drop" }
  /** Answer it `rate-limited` (as a refusal is answered) and do nothing else. */
  | { readonly kind: "refuse"; readonly answer: Answer<never> }
  /** Refused too often: close the connection (ws 1008 with `reason`). */
  | { readonly kind: "close"; readonly reason: string };

const GO: Verdict = { kind: "go" };
const DROP: Verdict = { kind: "drop" };

/** The reason a flooding connection is closed with: at most 123 bytes (a close frame's reason). */
export const FLOOD_CLOSE_REASON =
  "too many requests refused; wait a moment, then reconnect and slow down";

/** The budgets a client address has, whichever connection spends them. */
export type AddressBucket = "membership" | "say" | "typing";

/** Each address bucket's size: so many at once, then one back per `refillMs`. */
export const ADDRESS_BUCKETS: Record<
  AddressBucket,
  { readonly burst: number; readonly refillMs: number }
> = {
  membership: {
    burst: LIMITS.membershipBurst,
    refillMs: LIMITS.membershipRefillMs,
  },
  say: { burst: LIMITS.sayBurst, refillMs: LIMITS.sayRefillMs },
  typing: {
    burst: LIMITS.addressTypingBurst,
    refillMs: LIMITS.addressTypingRefillMs,
  },
};

/**
 * The address budgets kept where every process of an app sees them
 * (lesson 3: Redis), so that a client whose connections land on several
 * processes is still one client. Without one, each process counts alone.
 */
export interface SharedAddressBudgets {
  /** Takes one token; false: the address is over this budget. */
  take(address: string, bucket: AddressBucket): Promise<boolean>;
  /** Takes `count` tokens whatever is left (what already happened). */
  charge(address: string, bucket: AddressBucket, count: number): Promise<void>;
}

/** What every connection from one client address spends together, in this process. */
class AddressBudget {
  connections = 0;
  readonly membership: TokenBucket;
  readonly say: TokenBucket;
  readonly typing: TokenBucket;

  constructor(now: number) {
    const bucket = ({
      burst,
      refillMs,
    }: (typeof ADDRESS_BUCKETS)[AddressBucket]) =>
      new TokenBucket(burst, refillMs, now);
    this.membership = bucket(ADDRESS_BUCKETS.membership);
    this.say = bucket(ADDRESS_BUCKETS.say);
    this.typing = bucket(ADDRESS_BUCKETS.typing);
  }

  /** No connection left, and nothing owed: forgetting it changes nothing. */
  isIdle(now: number): boolean {
    return (
      this.connections === 0 &&
      this.membership.isFull(now) &&
      this.say.isFull(now) &&
      this.typing.isFull(now)
    );
  }
}

/**
 * The budgets of one process's rooms: one per client address, shared by
 * that address's connections. It keeps no timer; an address is forgotten
 * once it has no connection and its budgets are full again.
 */
export class FloodGuard {
  private readonly addresses = new Map<string, AddressBudget>();
  private lastSweep: number;

  private readonly now: () => number;
  private readonly shared: SharedAddressBudgets | undefined;

  constructor(
    options: {
      /** The address budgets of every process (lesson 3); else this process's own. */
      readonly shared?: SharedAddressBudgets;
      readonly now?: () => number;
    } = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.shared = options.shared;
    this.lastSweep = this.now();
  }

  /** The budgets of a new connection from `ip` (the lifecycle's client IP). */
  connect(ip: string): ConnectionBudget {
    const now = this.now();
    this.sweep(now);
    const key = addressKey(ip);
    let address = this.addresses.get(key);
    if (!address) {
      address = new AddressBudget(now);
      this.addresses.set(key, address);
    }
    address.connections += 1;
    return new ConnectionBudget(key, address, this.shared, this.now, () => {
      address.connections -= 1;
      if (address.isIdle(this.now())) this.addresses.delete(key);
    });
  }

  /** Client addresses remembered now (each costs a few numbers). */
  get addressCount(): number {
    return this.addresses.size;
  }

  /** At most once a refill window: forget the addresses that owe nothing. */
  private sweep(now: number): void {
    if (now - this.lastSweep < LIMITS.membershipRefillMs * 10) return;
    this.lastSweep = now;
    for (const [key, address] of this.addresses)
      if (address.isIdle(now)) this.addresses.delete(key);
  }
}

/** One connection's budgets, and its address's. */
export class ConnectionBudget {
  private readonly requests: TokenBucket;
  private readonly membership: TokenBucket;
  private readonly say: TokenBucket;
  private readonly refusals: TokenBucket;
  /** When a `typing` was last relayed, per room (at most 5 rooms). */
  private readonly typingAt = new Map<string, number>();
  private closing = false;

  constructor(
    private readonly key: string,
    private readonly address: AddressBudget,
    private readonly shared: SharedAddressBudgets | undefined,
    private readonly now: () => number,
    private readonly release: () => void,
  ) {
    const at = now();
    this.requests = new TokenBucket(
      LIMITS.requestBurst,
      LIMITS.requestRefillMs,
      at,
    );
    this.membership = new TokenBucket(
      LIMITS.membershipBurst,
      LIMITS.membershipRefillMs,
      at,
    );
    this.say = new TokenBucket(LIMITS.sayBurst, LIMITS.sayRefillMs, at);
    this.refusals = new TokenBucket(
      LIMITS.refusalsBeforeClose,
      LIMITS.refusalRefillMs,
      at,
    );
  }

  /**
   * Every request, before anything else is done with it (even one that
   * turns out to be bad input): the overall budget.
   */
  arrived(event: unknown): Verdict {
    if (this.closing) return DROP;
    if (this.requests.take(this.now())) return GO;
    // An extra `typing` is dropped without an answer, but still counts.
    return this.refused(event === "typing" ? undefined : TOO_MANY_REQUESTS);
  }

  /** A well-formed request of a member, before it reaches anyone. */
  async admit(event: RequestEvent, room: string): Promise<Verdict> {
    if (this.closing) return DROP;
    const now = this.now();
    switch (event) {
      case "join":
      case "leave":
        return this.spend(this.membership, "membership", now, {
          own: TOO_MANY_JOINS,
          shared: TOO_MANY_JOINS_FROM_ADDRESS,
        });
      case "say":
        return this.spend(this.say, "say", now, {
          own: TOO_MANY_MESSAGES,
          shared: TOO_MANY_MESSAGES_FROM_ADDRESS,
        });
      case "typing": {
        const last = this.typingAt.get(room) ?? -Infinity;
        if (now - last < LIMITS.typingIntervalMs) return DROP;
        this.typingAt.set(room, now);
        return (await this.takeFromAddress("typing", now)) ? GO : DROP;
      }
    }
  }

  /**
   * Membership changes that happened without a request (a closed
   * connection leaves its rooms; a recovered Socket.IO session is back in
   * them): they reach every member too, so the address pays for them.
   */
  charge(changes: number): void {
    if (changes <= 0) return;
    const local = () => this.address.membership.charge(this.now(), changes);
    if (!this.shared) return local();
    this.shared.charge(this.key, "membership", changes).catch(local);
  }

  /** The member left a room: its `typing` clock there is not needed. */
  left(room: string): void {
    this.typingAt.delete(room);
  }

  /** The connection closed; call once. */
  closed(): void {
    this.closing = true;
    this.release();
  }

  /** A token from the connection's bucket, then one from its address's. */
  private async spend(
    own: TokenBucket,
    bucket: AddressBucket,
    now: number,
    answers: { own: Answer<never>; shared: Answer<never> },
  ): Promise<Verdict> {
    if (!own.take(now)) return this.refused(answers.own);
    if (!(await this.takeFromAddress(bucket, now)))
      return this.refused(answers.shared);
    return GO;
  }

  /**
   * One token of the address's budget: from every process's count where
   * there is one (lesson 3), else from this process's. While the shared
   * count cannot be reached (Redis away), this process counts alone.
   */
  private async takeFromAddress(
    bucket: AddressBucket,
    now: number,
  ): Promise<boolean> {
    const local = () => this.address[bucket].take(now);
    if (!this.shared) return local();
    try {
      return await this.shared.take(this.key, bucket);
    } catch {
      return local();
    }
  }

  /** One more refusal; past the last one, the connection is to be closed. */
  private refused(answer: Answer<never> | undefined): Verdict {
    if (!this.refusals.take(this.now())) {
      this.closing = true;
      return { kind: "close", reason: FLOOD_CLOSE_REASON };
    }
    return answer ? { kind: "refuse", answer } : DROP;
  }
}

// The refusals, each saying what the limit is and what to do.
const perSecond = (refillMs: number) =>
  refillMs === 1000 ? "one a second" : `${1000 / refillMs} a second`;
const TOO_MANY_REQUESTS = refusal(
  "rate-limited",
  `at most ${LIMITS.requestBurst} requests at once, then ${perSecond(LIMITS.requestRefillMs)}; slow down`,
);
const TOO_MANY_JOINS = refusal(
  "rate-limited",
  `at most ${LIMITS.membershipBurst} joins and leaves at once, then ${perSecond(LIMITS.membershipRefillMs)}; wait a moment`,
);
const TOO_MANY_JOINS_FROM_ADDRESS = refusal(
  "rate-limited",
  `at most ${LIMITS.membershipBurst} joins and leaves at once from one address (all its connections together), then ${perSecond(LIMITS.membershipRefillMs)}; wait a moment`,
);
const TOO_MANY_MESSAGES = refusal(
  "rate-limited",
  `at most ${LIMITS.sayBurst} messages at once, then ${perSecond(LIMITS.sayRefillMs)}; wait a moment`,
);
const TOO_MANY_MESSAGES_FROM_ADDRESS = refusal(
  "rate-limited",
  `at most ${LIMITS.sayBurst} messages at once from one address (all its connections together), then ${perSecond(LIMITS.sayRefillMs)}; wait a moment`,
);

/**
 * The key an address's budget is kept under. An IPv6 client usually has
 * a whole /64 to pick addresses from, so the /64 is one client; an IPv4
 * address mapped into IPv6 is the IPv4 one.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(":")}::/64`;
}

/** The eight groups of an IPv6 address, `::` filled in (a zone id dropped). */
function expandIPv6(ip: string): string[] {
  const [head = "", tail] = ip.split("%")[0]!.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array.from(
    { length: Math.max(0, 8 - left.length - right.length) },
    () => "0",
  );
  return [...left, ...zeros, ...right].map((group) =>
    group.includes(".") ? group : parseInt(group, 16).toString(16),
  );
}
