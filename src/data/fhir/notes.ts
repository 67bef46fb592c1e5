/**
 * What a load did with each FHIR resource it could not show as it is: left on the server (it is
 * not what the elements show, for example an advance directive) or refused (it is broken for the
 * contract). Each note names the resource, the FHIR element and what to change.
 */
export interface FhirNote {
  kind: 'left-on-server' | 'refused';
  resourceType: string;
  id: string;
  /** The FHIR element the note is about, for example `Consent.provision.actor`. */
  path: string;
  /** What was found, in plain words. */
  message: string;
  /** What an integrator changes so the resource is shown. */
  fix?: string;
}

/** Thrown by a mapper for one resource that cannot be shown; a load leaves that resource out and goes on. */
export class FhirResourceProblem extends Error {
  constructor(readonly note: FhirNote) {
    super(formatNote(note));
    this.name = 'FhirResourceProblem';
  }
}

/** `Consent/x (Consent.scope): … Fix: …` */
export const formatNote = (note: FhirNote): string =>
  `${note.resourceType}/${note.id} (${note.path}): ${note.message}${note.fix ? ` Fix: ${note.fix}` : ''}`;
