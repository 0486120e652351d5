/** Whether policy engines block or only report violations. */
export enum PolicyMode {
  /** Report violations, admit the object. */
  AUDIT = 'Audit',
  /** Refuse violating objects. */
  ENFORCE = 'Enforce',
}
