// The addresses and settings the contract's suites start the demo apps
// with, and the app defaults the suites test against, in one place: the
// transport clauses, the hostile rows, the drivers and the nginx tests all
// read them from here, so they cannot drift apart.

/** The loopback address that plays a trusted reverse proxy (the apps' TRUST_PROXY). */
export const TRUSTED_PROXY = "127.0.0.2";
/** A loopback address the apps do not trust as a proxy. */
export const UNTRUSTED_PEER = "127.0.0.3";

/** The push interval of the app the transport contract shares. */
export const CONTRACT_PUSH_INTERVAL_MS = 200;

// Short, so that the dead-peer clause takes two seconds; not shorter: at
// 200 ms, and at 500 ms with six test tasks at once, a client starved of
// CPU missed a ping and was dropped as dead ("ping timeout") mid-clause.
/** The heartbeat every driver starts its app with (HEARTBEAT_MS). */
export const CONTRACT_HEARTBEAT_MS = 1000;

// The contract's, for the same reason: at 500 ms, a Socket.IO client of
// the churn row starved of CPU saw "ping timeout" before its welcome.
/** The heartbeat of the hostile suite's shared app: abandoned Socket.IO sessions end within 2 of these. */
export const HOSTILE_HEARTBEAT_MS = CONTRACT_HEARTBEAT_MS;

/** The apps' default MAX_PAYLOAD_BYTES. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
