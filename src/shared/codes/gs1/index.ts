/** GS1 element strings, AIM scan data and Digital Link: parse, validate, classify and build. */
export { parseGs1, applyGsSubstitutes } from './parse'
export { classifyScan, type ClassifyOptions, type ScanClassification } from './classify'
export {
  buildHri,
  buildScanData,
  buildDigitalLink,
  buildElementString,
  bwipInput,
  checkElements,
  type BwipInput,
  type BwipSymbology,
  type Gs1BuildFormat,
  type ScanBuildOptions,
  type ScanSymbology,
  type DigitalLinkBuildOptions
} from './build'
export { AI_ENTRIES, PREDEFINED_LENGTH_BY_PREFIX, lookupAi } from './ai-table'
export { readAimPrefix, type AimPrefix } from './aim'
export { resolveTwoDigitYear } from './dates'
export { GS } from './element-string'
export type {
  AiComponent,
  AiEntry,
  AiPattern,
  ComponentType,
  Gs1Element,
  Gs1Fields,
  Gs1Form,
  Gs1Parsed,
  LinterName,
  Measure,
  Money,
  ParseOptions
} from './types'
