// The phone library's public surface, for checks/phone.ts and the
// `safestep check phone` command: gather (live over adb, from a capture, iPhone
// backups), then evaluate (pure), then render (messages, JSON).
import { ECHAP } from './data/stalkerware.js';
import { STATE_SPYWARE } from './data/state-spyware.js';
import { buildIndex, mergeSets, type IndicatorIndex, type IndicatorSet } from './indicators.js';

export { acquireAndroid, DEFAULT_LIVE, parseAdbDevices, pickDevice, type AdbDevice, type AdbOptions, type DevicePick, type LiveOptions, type PickProblem } from './adb.js';
export { apkCertificates, type ApkCertificates } from './apk.js';
export { DEFAULT_CAPTURE_LIMITS, readAndroidCapture, readAndroidCaptureBytes, type CaptureLimits, type CaptureProblem, type CaptureResult } from './capture.js';
export { evaluatePhone, LESSON_BORDER, LESSON_WATCHED, monthsSince, type EvaluateOptions, type PhoneFinding, type PhoneInput, type PhoneResult } from './evaluate.js';
export { buildIndex, INDICATOR_FORMAT, mergeSets, parseIndicatorSet, validateIndicatorSet, type IndicatorFamily, type IndicatorIndex, type IndicatorLoad, type IndicatorProblem, type IndicatorSet } from './indicators.js';
export { backupRoots, findIosBackups, maskName, type IosLocations } from './ios.js';
export { toJson, type PhoneJson } from './json.js';
export { adbInstallKey, captureProblemKey, notReadKey, PHONE, PHONE_MESSAGES, phoneText, pickProblemKey, type PhoneMessageKey } from './messages.js';
export type { AndroidApp, AndroidData, AndroidDevice, AndroidPart, AndroidSettings, AndroidSource, IosBackup, IosData } from './types.js';

/** The sets compiled into safestep: Echap's stalkerware and watchware, and our sourced state-spyware list. */
export const BUILTIN_INDICATORS: readonly IndicatorSet[] = [ECHAP, STATE_SPYWARE];

/** The index in use: the built-in sets, updated by newer sets a lesson pack brought. */
export function indicatorIndex(extra: readonly IndicatorSet[] = []): IndicatorIndex {
  return buildIndex(mergeSets(BUILTIN_INDICATORS, extra));
}
