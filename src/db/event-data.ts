import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate/browser";

/*
 * How an event's snapshot is stored when it is built before the write (orders, shipments,
 * returns: src/db/events.ts `patched`). Those were most of a shard's bytes per order (issue
 * 19): about 1.4 KB for an order, twice that once it has shipped, mostly the same field names
 * and nulls in every event. They are kept deflated against a preset dictionary of those
 * shapes, base64 in the `data` column beside the values the write assigns, which SQL fills in:
 *
 *   {"z": base64(version, length, deflate-raw([paths, snapshot])), "s": [value for each path]}
 *
 * Those values are times the write assigned. Since migrations/shard/0022_lean_outbox.sql each
 * is kept as milliseconds after the event's own `created_at` (a few characters, not 24): a
 * number in `s` is such an offset, a string a time as it was written.
 *
 * `unpacked` puts each value at its path as `json_set` did before, so the resource renders to
 * the same JSON. Text, not a BLOB: the row stays JSON for the retention archive's NDJSON and
 * for a tenant's copy to another shard, as every other event's.
 */

/**
 * What the deflate stream was made against, named by the first byte of the stored bytes:
 * the shapes' field names, nulls, id prefixes and status words in the order the renderers
 * write them, every string value emptied, so it favours no merchant's own data.
 * Events in D1 and in the R2 archive are read with the dictionary they were written with, so
 * a dictionary is never changed once written: a better one is added under a new version
 * (test/unit/event-data.test.ts reads an event packed with each).
 */
const DICTIONARIES: Record<number, Uint8Array> = {
  1: strToU8(
    [
      '[["$.row.createdAt","$.row.updatedAt","$.row.receivedAt"],{"row":{"id":"ret_","tenantId"',
      ':"ten_","orderId":"ord_","orderNumber":"","rma":"RMA-","warehouseId":"wh_","status":"rec',
      'eived","reason":null,"requestHash":null,"version":2,"receivedAt":"0000-00-00T00:00:00.00',
      '0Z","processedAt":null,"stockAppliedAt":null,"createdAt":"0000-00-00T00:00:00.000Z","upd',
      'atedAt":"0000-00-00T00:00:00.000Z","changeSeq":1},"lines":[{"returnId":"ret_","stage":"e',
      'xpected","lineNo":1,"sku":"","orderLineId":"li_","lineId":null,"quantity":1,"condition":',
      'null,"restocked":null},{"returnId":"ret_","stage":"received","lineNo":1,"sku":"","orderL',
      'ineId":"li_","lineId":null,"quantity":1,"condition":"sellable","restocked":true}]}][["$.',
      'created_at","$.updated_at"],{"id":"ord_","order_number":"","reference":"","status":"allo',
      'cated","warehouse_id":"wh_","shipping_method_id":"sm_","shipping_method":"","order_date"',
      ':"0000-00-00","signature_required":false,"insurance":false,"gift_message":null,"packing_',
      'note":null,"ship_to":{"name":"","company":"","address1":"","address2":"","city":"","stat',
      'e":"","postcode":"","country":"","phone":"+","email":"@"},"billing_address":{"name":"","',
      'company":"","address1":"","address2":"","city":"","state":"","postcode":"","country":"",',
      '"phone":"+","email":"@"},"incoterms":"DAP","tax_ids":[{"type":"vat","number":""}],"ship_',
      'by":null,"requested_delivery_date":null,"items":[{"id":"li_","line_id":"1","sku":"","des',
      'cription":"","quantity":1,"unit_price":"0.00","currency":"AUD","allocation_status":"back',
      'ordered","allocated_quantity":1,"shipped_quantity":0,"hs_code":"","country_of_origin":""',
      ',"customs_value":{"amount":"0.00","currency":"USD"}},{"id":"li_","line_id":null,"sku":""',
      ',"description":null,"quantity":1,"unit_price":null,"currency":null,"allocation_status":"',
      'allocated","allocated_quantity":1,"shipped_quantity":0,"hs_code":null,"country_of_origin',
      '":null,"customs_value":null}],"allocation_status":"allocated","hold_reason":"address","c',
      'ancel_reason":"customer","version":"1","created_at":"0000-00-00T00:00:00.000Z","updated_',
      'at":"0000-00-00T00:00:00.000Z","cancelled_at":null,"cancellation_request":{"status":"req',
      'uested","reason":""},"shipments":[],"archived":false}][["$.created_at","$.updated_at"],{',
      '"id":"shp_","order_id":"ord_","order_number":"","status":"shipped","warehouse_id":"wh_",',
      '"shipped_at":"0000-00-00T00:00:00.000Z","created_at":"0000-00-00T00:00:00.000Z","updated',
      '_at":"0000-00-00T00:00:00.000Z","cost":null,"voided":false,"parcels":[{"tracking_number"',
      ':"","tracking_url":null,"carrier":"","service":""}],"items":[{"order_line_id":"li_","lin',
      'e_id":null,"sku":"","quantity":1},{"order_line_id":"li_","line_id":null,"sku":"","quanti',
      'ty":1}],"status_history":[{"status":"shipped","occurred_at":"0000-00-00T00:00:00.000Z"}]',
      ',"version":"1","archived":false}][["$.created_at","$.updated_at"],{"id":"ord_","order_nu',
      'mber":"","reference":"","status":"received","warehouse_id":"wh_","shipping_method_id":"s',
      'm_","shipping_method":"","order_date":null,"signature_required":false,"insurance":false,',
      '"gift_message":null,"packing_note":null,"ship_to":{"company":null,"email":null,"phone":n',
      'ull,"address2":null,"state":"","postcode":"","name":"","address1":"","city":"","country"',
      ':""},"billing_address":null,"incoterms":null,"tax_ids":[],"ship_by":null,"requested_deli',
      'very_date":null,"items":[{"id":"li_","line_id":null,"sku":"","description":null,"quantit',
      'y":1,"unit_price":null,"currency":null,"allocation_status":"allocated","allocated_quanti',
      'ty":1,"shipped_quantity":0,"hs_code":null,"country_of_origin":null,"customs_value":null}',
      ',{"id":"li_","line_id":null,"sku":"","description":null,"quantity":1,"unit_price":null,"',
      'currency":null,"allocation_status":"allocated","allocated_quantity":1,"shipped_quantity"',
      ':0,"hs_code":null,"country_of_origin":null,"customs_value":null}],"allocation_status":"a',
      'llocated","hold_reason":null,"cancel_reason":null,"version":"1","created_at":"0000-00-00',
      'T00:00:00.000Z","updated_at":"0000-00-00T00:00:00.000Z","cancelled_at":null,"cancellatio',
      'n_request":null,"shipments":[],"archived":false}][["$.created_at","$.updated_at","$.ship',
      'ments[0].created_at","$.shipments[0].updated_at"],{"id":"ord_","order_number":"","refere',
      'nce":"","status":"shipped","warehouse_id":"wh_","shipping_method_id":"sm_","shipping_met',
      'hod":"","order_date":null,"signature_required":false,"insurance":false,"gift_message":nu',
      'll,"packing_note":null,"ship_to":{"company":null,"email":null,"phone":null,"address2":nu',
      'll,"state":"","postcode":"","name":"","address1":"","city":"","country":""},"billing_add',
      'ress":null,"incoterms":null,"tax_ids":[],"ship_by":null,"requested_delivery_date":null,"',
      'items":[{"id":"li_","line_id":null,"sku":"","description":null,"quantity":1,"unit_price"',
      ':null,"currency":null,"allocation_status":"fulfilled","allocated_quantity":0,"shipped_qu',
      'antity":1,"hs_code":null,"country_of_origin":null,"customs_value":null},{"id":"li_","lin',
      'e_id":null,"sku":"","description":null,"quantity":1,"unit_price":null,"currency":null,"a',
      'llocation_status":"fulfilled","allocated_quantity":0,"shipped_quantity":1,"hs_code":null',
      ',"country_of_origin":null,"customs_value":null}],"allocation_status":"fulfilled","hold_r',
      'eason":null,"cancel_reason":null,"version":"2","created_at":"0000-00-00T00:00:00.000Z","',
      'updated_at":"0000-00-00T00:00:00.000Z","cancelled_at":null,"cancellation_request":null,"',
      'shipments":[{"id":"shp_","order_id":"ord_","order_number":"","status":"shipped","warehou',
      'se_id":"wh_","shipped_at":"0000-00-00T00:00:00.000Z","created_at":"0000-00-00T00:00:00.0',
      '00Z","updated_at":"0000-00-00T00:00:00.000Z","cost":null,"voided":false,"parcels":[{"tra',
      'cking_number":"","tracking_url":null,"carrier":"","service":""}],"items":[{"order_line_i',
      'd":"li_","line_id":null,"sku":"","quantity":1},{"order_line_id":"li_","line_id":null,"sk',
      'u":"","quantity":1}],"status_history":[{"status":"shipped","occurred_at":"0000-00-00T00:',
      '00:00.000Z"}],"version":"1","archived":false}],"archived":false}]',
    ].join(""),
  ),
};

/** The dictionary new events are written with. */
const CURRENT = 1;

/** The stored form: what `pack` makes, filled in by the write with the values of its paths. */
export interface Packed {
  z: string;
  s: unknown[];
}

export const isPacked = (data: unknown): data is Packed =>
  typeof data === "object" &&
  data !== null &&
  typeof (data as Packed).z === "string" &&
  Array.isArray((data as Packed).s);

const base64 = (bytes: Uint8Array) => {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

const bytesOf = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** `n` as LEB128: seven bits a byte, low first, the high bit set on all but the last. */
function varint(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

/**
 * The snapshot and the paths the write fills in, deflated: the `z` of `Packed`. Its bytes are
 * the dictionary's version, the JSON's length (LEB128), then the deflate stream: inflating
 * into a buffer of the right size is a twentieth of the CPU of letting it grow.
 */
export function pack(snapshot: unknown, paths: readonly string[]): string {
  const json = strToU8(JSON.stringify([paths, snapshot]));
  const deflated = deflateSync(json, { level: 9, dictionary: DICTIONARIES[CURRENT] });
  const header = [CURRENT, ...varint(json.length)];
  const out = new Uint8Array(header.length + deflated.length);
  out.set(header);
  out.set(deflated, header.length);
  return base64(out);
}

/** `$.a.b[0].c` as ["a", "b", 0, "c"]: the paths `patched` writes, nothing more general. */
const segments = (path: string): (string | number)[] =>
  [...path.slice(1).matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? (key as string) : Number(index),
  );

type Container = Record<string | number, unknown>;

/** Whether `key` can be added to `parent`: any key of an object, the next index of an array. */
const addable = (parent: Container, key: string | number) =>
  Array.isArray(parent) ? key === parent.length : typeof key === "string";

/**
 * Sets `value` at `path` as SQLite's json_set does: an existing member is replaced where it
 * is, a missing one is added at the end of its object (or array), with the objects or arrays
 * its path needs; a path through anything else is left alone.
 */
function jsonSet(root: unknown, path: string, value: unknown) {
  const keys = segments(path);
  let parent = root;
  for (const [i, key] of keys.entries()) {
    if (typeof parent !== "object" || parent === null) return;
    const container = parent as Container;
    const last = i === keys.length - 1;
    if (!(key in container)) {
      if (!addable(container, key)) return;
      if (!last) container[key] = typeof keys[i + 1] === "number" ? [] : {};
    }
    if (last) container[key] = value;
    else parent = container[key];
  }
}

/** A value of `s`: an offset from the event's time `createdAt`, or the value itself. */
const stampOf = (value: unknown, createdAt: string) =>
  typeof value === "number" ? new Date(Date.parse(createdAt) + value).toISOString() : value;

/**
 * The snapshot as `json_set` would have stored it: deflated back, its values put in, those
 * stored as offsets from `createdAt`, the event's time, as times again.
 */
export function unpacked({ z, s }: Packed, createdAt: string): Record<string, unknown> {
  const bytes = bytesOf(z);
  const dictionary = DICTIONARIES[bytes[0] ?? -1];
  if (!dictionary) throw new Error(`an event packed with unknown dictionary ${bytes[0]}`);
  let length = 0;
  let at = 1;
  for (let shift = 1; ; shift *= 0x80) {
    const byte = bytes[at++] ?? 0;
    length += (byte & 0x7f) * shift;
    if (byte < 0x80) break;
  }
  const json = inflateSync(bytes.subarray(at), { dictionary, out: new Uint8Array(length) });
  const [paths, snapshot] = JSON.parse(strFromU8(json)) as [string[], Record<string, unknown>];
  for (const [i, path] of paths.entries())
    jsonSet(snapshot, path, stampOf(s[i] ?? null, createdAt));
  return snapshot;
}
