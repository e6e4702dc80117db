// The rooms' wire format on ws (docs/rooms/protocol.md): reading and writing
// frames is not this exercise's lesson, so the kit gives the attendee
// ws-demo's own code for it, not a copy.
export {
  encodeFrame,
  Preencoded,
  readFrame,
} from "../../apps/ws-demo/src/rooms/frames.js";
