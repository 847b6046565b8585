const SHOWN = 40;

/** A caller's value echoed in an error message: quoted, and cut so a huge value cannot flood the message. */
export function quote(value: string): string {
  return JSON.stringify(value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value);
}
