import { CODE_SYSTEMS } from './codes.js';
import type * as F from './types.js';
import { nameOf } from './util.js';

const RELATIVE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * Every resource a load has seen, so references can be followed: contained (`#id`, looked up in
 * the resource that holds them), relative (`Practitioner/12`), absolute (`https://…/Practitioner/12`,
 * with or without `_history`) and `urn:uuid:` full URLs inside Bundles. A reference that cannot be
 * followed resolves to `undefined`; callers fall back to its `display` text.
 */
export class ResourceIndex {
  private readonly byKey = new Map<string, F.Resource>();
  private readonly baseUrl?: string;

  constructor(resources: Iterable<F.Resource> = [], baseUrl?: string) {
    this.baseUrl = baseUrl?.replace(/\/+$/, '');
    for (const resource of resources) this.add(resource);
  }

  /** Adds a resource under `Type/id` and, when given, its Bundle `fullUrl`. Bundles add their entries. */
  add(resource: F.Resource, fullUrl?: string): void {
    if (resource.resourceType === 'Bundle') {
      for (const entry of (resource as F.Bundle).entry ?? []) if (entry.resource) this.add(entry.resource, entry.fullUrl);
      return;
    }
    if (resource.id) this.byKey.set(`${resource.resourceType}/${resource.id}`, resource);
    if (fullUrl) this.byKey.set(fullUrl, resource);
  }

  /** All resources of a type (contained ones excluded). */
  ofType<T extends F.Resource>(type: T['resourceType']): T[] {
    const seen = new Set<F.Resource>();
    for (const [key, resource] of this.byKey) if (resource.resourceType === type && key.startsWith(`${type}/`)) seen.add(resource);
    return [...seen] as T[];
  }

  /** The resource a reference points at, if this index (or `from`'s contained list) has it. */
  resolve<T extends F.Resource = F.Resource>(reference: F.Reference | undefined, from?: F.Resource): T | undefined {
    const ref = reference?.reference;
    if (!ref) return undefined;
    if (ref.startsWith('#')) {
      const id = ref.slice(1);
      return (id ? from?.contained?.find((r) => r.id === id) : from) as T | undefined;
    }
    const direct = this.byKey.get(ref);
    if (direct) return direct as T;
    // Another server's Practitioner/7 is not this server's Practitioner/7: it is never looked up here.
    if (this.isElsewhere(ref)) return undefined;
    const match = RELATIVE.exec(ref);
    return match ? (this.byKey.get(`${match[1]}/${match[2]}`) as T | undefined) : undefined;
  }

  /** Whether an absolute URL is on another server than this index's base URL (never, when the index has no base URL). */
  private isElsewhere(ref: string): boolean {
    return Boolean(this.baseUrl) && /^[a-z]+:/i.test(ref) && !ref.startsWith('urn:') && !ref.startsWith(`${this.baseUrl}/`);
  }

  /**
   * A stable key for what a reference points at: `Type/id` for server resources (absolute URLs of
   * this server, Bundle full URLs and `urn:uuid:` entries are normalised to it; another server's
   * resource keeps its absolute URL), the bare id for resources contained in a CareTeam
   * (`Type/id#local` for those contained in anything else), the member id for a contract identifier, else the absolute URL. `undefined` when
   * the reference only has display text.
   */
  key(reference: F.Reference | undefined, from?: F.Resource): string | undefined {
    if (!reference) return undefined;
    const ref = reference.reference;
    if (!ref) return reference.identifier?.system === CODE_SYSTEMS.memberId ? reference.identifier.value : undefined;
    if (ref.startsWith('#')) {
      const local = ref.slice(1);
      if (!local) return from?.id ? `${from.resourceType}/${from.id}` : undefined;
      // A CareTeam's contained members are known by their local id; anywhere else a local id names the
      // holder's own resource, never the team member contained in the CareTeam under the same id.
      return !from || from.resourceType === 'CareTeam' || !from.id ? local : `${from.resourceType}/${from.id}#${local}`;
    }
    if (ref.startsWith('urn:')) {
      const resource = this.byKey.get(ref);
      return resource?.id ? `${resource.resourceType}/${resource.id}` : ref;
    }
    const match = RELATIVE.exec(ref);
    if (!match) return ref;
    const relative = `${match[1]}/${match[2]}`;
    const seen = this.byKey.get(ref);
    if (seen?.id) return `${seen.resourceType}/${seen.id}`;
    return this.isElsewhere(ref) || (!this.baseUrl && /^[a-z]+:/i.test(ref) && !this.byKey.has(relative)) ? ref : relative;
  }

  /** The resource type a reference points at: from the reference, its `type`, or the resolved resource. */
  typeOf(reference: F.Reference | undefined, from?: F.Resource): string | undefined {
    if (!reference) return undefined;
    const resolved = this.resolve(reference, from);
    if (resolved) return resolved.resourceType;
    const match = reference.reference ? RELATIVE.exec(reference.reference) : null;
    return match?.[1] ?? (reference.type ? reference.type.replace(/^.*\//, '') : undefined);
  }

  /** A display name for what a reference points at: the resource's name, else the reference's display text. */
  nameOf(reference: F.Reference | undefined, from?: F.Resource): string | undefined {
    const resource = this.resolve(reference, from);
    return (resource && this.displayName(resource, from)) || reference?.display?.trim() || undefined;
  }

  displayName(resource: F.Resource, from?: F.Resource): string | undefined {
    switch (resource.resourceType) {
      case 'Patient':
      case 'Practitioner':
      case 'RelatedPerson':
        return nameOf(resource.name as F.HumanName[] | undefined);
      case 'PractitionerRole': {
        const role = resource as F.PractitionerRole;
        return this.nameOf(role.practitioner, from ?? role) ?? role.code?.[0]?.text;
      }
      case 'Organization':
      case 'Location':
      case 'CareTeam':
      case 'HealthcareService':
        return typeof resource.name === 'string' ? resource.name : undefined;
      default:
        return undefined;
    }
  }
}
