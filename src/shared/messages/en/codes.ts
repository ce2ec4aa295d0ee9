/**
 * Barcode and identifier parsers (src/shared/codes): GS1 element strings and Digital Link, EPC, GTIN,
 * SSCC and serial rules. One sentence per code; what varies between the cases of one code travels in
 * language-neutral parameters (AI numbers, positions, values, dictionary rule names such as `iban` or
 * `YYMMDD`). `label` is how an operator knows the AI (GTIN, SSCC, or the dictionary title).
 * `sscc.extension` and `sscc.company_prefix` are worded in receiving.ts (the SSCC issuer shares them).
 */
export const codesEn = {
  'gs1.not_gs1': 'The data is not GS1 data (no symbology identifier with GS1 data, bracketed AIs or Digital Link): {data}.',
  'gs1.syntax': 'Expected {expected} at position {position}, found {found}.',
  'gs1.unknown_ai': 'Unknown application identifier ({ai}) at position {position}.',
  'gs1.length': '{label} must have {rule} characters, scanned {length} (AI {ai} at position {position})',
  'gs1.charset': '{label} may only use {charset}; {char} at character {offset} is not allowed (AI {ai} at position {position})',
  'gs1.check_digit': '{label} check digit should be {expected}, scanned {got} (AI {ai} at position {position})',
  'gs1.bad_date': '{label}: {value} is not a valid {format} date (AI {ai} at position {position})',
  'gs1.bad_time': '{label}: {value} is not a valid {format} time (AI {ai} at position {position})',
  'gs1.bad_value': '{label}: "{value}" breaks the GS1 rule "{rule}" (AI {ai} at position {position})',
  'gs1.duplicate_ai': '{label} appears more than once ("{first}" and "{second}") (AI {ai} at position {position})',
  'gs1.pairing': '{label} breaks a pairing rule in this barcode: it needs {requires} and excludes {excludes} (AI {ai} at position {position})',
  'gs1.dl_syntax': 'The Digital Link is malformed at position {position}: "{found}".',
  'gs1.dl_no_key': 'The Digital Link has no GS1 primary key such as /01/<GTIN>, /00/<SSCC> or /414/<GLN>.',
  'gs1.dl_path': '{what} is not allowed in a Digital Link with primary key AI {key} (position {position}); path qualifiers after the key: {allowed}.',

  'gtin.charset': 'A GTIN has digits only; got "{value}".',
  'gtin.length': 'A GTIN has 8, 12, 13 or 14 digits; got {length}.',
  'gtin.check_digit': 'GTIN check digit should be {expected}, got {scanned}.',

  'sscc.serial_reference': 'With a {companyPrefixLength}-digit company prefix the serial reference must have {digits} digits; got "{value}".',

  'epc.hex': 'EPC hex must be hexadecimal digits; found {found} at position {position}.',
  'epc.too_short': '{scheme} needs {need} bits, got {have}.',
  'epc.header': 'EPC header 0x{header} is not a supported scheme (SGTIN-96 0x30, SGTIN-198 0x36, SSCC-96 0x31, SGLN-96 0x32, GRAI-96 0x33; 0x00 is an unprogrammed tag).',
  'epc.filter': 'Filter value must be an integer 0..7, got {filter}.',
  'epc.company_prefix': 'GS1 Company Prefix must be 6 to 12 digits, got {value}.',
  'epc.range': 'With a {cpLength}-digit company prefix the {field} must have exactly {digits} digits, got "{value}".',
  'epc.partition': 'Partition value {partition} is invalid for {scheme} (must be 0..6).',
  'epc.reserved': 'SSCC-96 reserved bits (the last 24) must be zero.',
  'epc.serial': '{scheme} {field} "{value}" is not valid; allowed: {allowed}.',
  'epc.element_string': 'The element string does not form one EPC identity at "{found}" (position {position}); use (00), (01)+(21), (414)[+(254)] or (8003).',
  'epc.check_digit': 'AI ({ai}) value {value} has a wrong check digit.',
  'epc.fields': 'EPC field "{field}" must be a string.',
  'epc.scheme': 'Scheme "{scheme}" cannot encode {input}; use {expected}.',
  'epc.uri': 'Not a valid EPC URI: "{uri}" (expected {expected}).',

  'serial.empty': 'The serial is empty.',
  'serial.too_long': 'The serial has {length} characters; this item\'s serials have at most {max}.',
  'serial.too_short': 'The serial has {length} characters; this item\'s serials have at least {min}.',
  'serial.whitespace': 'The serial has leading or trailing spaces.',
  'serial.control': 'The serial contains control characters.',
  'serial.charset': 'The serial may only contain {charset}.',
  'serial.prefix': 'This item\'s serials start with "{prefix}".',
  'serial.pattern': 'The serial does not match this item\'s serial pattern {pattern}.',
  'serial.is_gtin': 'The serial equals the item\'s GTIN ({serial}): the product barcode was scanned instead of the serial.',
  'serial.is_element_string': 'The serial "{serial}" is a whole barcode (element string or EPC URI): scan the serial alone.',
  'serial.is_digital_link': 'The serial is a GS1 Digital Link URI: a whole barcode was scanned, not the serial.',
  'serial.is_url': 'The serial is a URL, not a serial number.',
  'serial.is_lot': 'The serial {serial} is a lot of this item: the lot was scanned as the serial.',
  'serial.rule_invalid': 'The serial rule is not valid: {field} "{value}" ({problem}).'
} as const satisfies Record<string, string>
