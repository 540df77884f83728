// `getprop` output ("[ro.product.model]: [Pixel 7]"), as androidqf saves it
// in getprop.txt and as bug reports print it under "SYSTEM PROPERTIES".
import type { AndroidDevice } from '../types.js';
import { lines } from '../text.js';

const PROP = /^\s*\[([^\]]{1,256})\]:\s*\[(.*)\]\s*$/;

export function parseGetprop(text: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const line of lines(text)) {
    const m = PROP.exec(line);
    if (m && m[1]) props.set(m[1], (m[2] ?? '').slice(0, 512));
  }
  return props;
}

const PATCH = /^\d{4}-\d{2}-\d{2}$/;

function first(props: ReadonlyMap<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = props.get(key)?.trim();
    if (value) return value;
  }
  return undefined;
}

export function deviceFromProps(props: ReadonlyMap<string, string>): AndroidDevice {
  const device: AndroidDevice = {};
  const model = first(props, ['ro.product.model', 'ro.product.vendor.model', 'ro.product.system.model']);
  const manufacturer = first(props, ['ro.product.manufacturer', 'ro.product.vendor.manufacturer', 'ro.product.system.manufacturer']);
  const brand = first(props, ['ro.product.brand', 'ro.product.vendor.brand']);
  const android = first(props, ['ro.build.version.release', 'ro.build.version.release_or_codename']);
  const sdk = Number(first(props, ['ro.build.version.sdk']));
  const patch = first(props, ['ro.build.version.security_patch']);
  if (model) device.model = model;
  if (manufacturer) device.manufacturer = manufacturer;
  if (brand) device.brand = brand;
  if (android) device.android = android;
  if (Number.isInteger(sdk) && sdk > 0 && sdk < 1000) device.sdk = sdk;
  if (patch && PATCH.test(patch)) device.patch = patch;
  return device;
}

/** The "SYSTEM PROPERTIES" section of a bug report (dumpstate.txt). */
export function bugreportProps(text: string): Map<string, string> | undefined {
  const start = text.indexOf('------ SYSTEM PROPERTIES');
  if (start < 0) return undefined;
  const bodyStart = text.indexOf('\n', start);
  if (bodyStart < 0) return undefined;
  const next = text.indexOf('\n------', bodyStart);
  return parseGetprop(text.slice(bodyStart + 1, next < 0 ? undefined : next));
}
