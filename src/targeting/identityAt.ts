import type { ElementFingerprint, IdentifyingField } from '../schema/fingerprint';
import { SAME, SAME_SURROUNDINGS, type CompiledTarget } from './compileTarget';
import { identityOf, REWORDED_AT, REWORDED_FROM } from './confidence';
import { shortName } from './shortName';

/**
 * The identity of a candidate (see `identityOf`), with the page-wide checks: does any other candidate
 * carry the same name, or the same shared identifier? Only the best candidate is given that benefit; a
 * runner-up's identity only ever narrows the best's lead. `names` holds every candidate's name similarity
 * (the ranker's first pass); `rival` is the candidate the best is weighed against.
 */
export function identityAt(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], names: Float64Array, index: number, best: boolean, rival?: number): number {
  const c = candidates[index] as ElementFingerprint;
  const found = compiled.evidence(c);
  // The runner-up as the best's twin: the same name in the same surroundings (or, for twin headings,
  // the one heading the other), right beside it (its neighbour of the kind), and no identifier of its
  // own says otherwise. A copy inserted next to the original, or twins there when the target was
  // captured: only position tells the two apart. A copy added further away is no twin.
  const r = rival === undefined ? undefined : candidates[rival];
  const name = shortName(c).toLowerCase();
  // Section and row: an unlabelled field's caption slot differs between the copy and the original.
  const around = (x: ElementFingerprint) => (x.neighborText ?? '').toLowerCase().split(' · ', 2).filter(Boolean).join('·');
  const rivalEvidence = r === undefined ? undefined : compiled.evidence(r);
  const rivalUncontradicted = rivalEvidence !== undefined && !rivalEvidence.contradicted;
  const namesake = rival !== undefined && (names[rival] as number) >= SAME;
  const twin =
    r !== undefined &&
    name !== '' &&
    shortName(r).toLowerCase() === name &&
    (around(r) === around(c) || around(r) === name || around(c) === name) &&
    (c.adjacentNames ?? []).some((n) => n.toLowerCase() === name) &&
    rivalUncontradicted;
  // The target's name now on the runner-up, in the same surroundings, and not on the best: labels
  // traded places, or the name went to another element. Whatever else agrees, that counts against.
  // So does the runner-up carrying the very name that was the target's alone at capture while the best
  // only shares words with it ("Create" beside the "Create report" that moved into a dialog).
  const taken = r !== undefined && namesake && ((found.name < 0.3 && around(r) === around(c)) || (compiled.uniqueBy.has('accessibleName') && found.name < SAME));
  // The target's name on the runner-up where the target sat: which of the two is the original, and
  // which a copy, no uniqueness can tell (see `namesakeAtHome`; where this one sits there too, its
  // surroundings corroborate it as much as any uniqueness would).
  const namesakeAtHome = namesake && rivalUncontradicted && rivalEvidence.contextKnown && rivalEvidence.context >= SAME_SURROUNDINGS;
  // Another icon than the target's says "another control" only while the target's icon is still on
  // the page, on some other control: after the app changed its icon library, no icon agrees anywhere.
  const iconGone = found.icon !== undefined && found.icon < 0.5 && found.translated === true && iconHolders(compiled, candidates, c) === 0;
  const ev = { ...found, twin, namesakeAtHome, contradicted: found.contradicted || taken, ...(iconGone ? { icon: undefined } : {}) };
  const plain = { ...ev, nameUnique: false, sharedUnique: false };
  // Uniqueness is counted over the whole page, frames and shadow roots included. Where the capture did
  // not count it too (no `uniqueBy`), a holder in another frame or shadow root may be a second instance
  // of a component that was there all along, so it counts only within the target's own scope.
  const wasUnique = compiled.uniqueBy;
  if (!best || (!ev.sameScope && wasUnique.size === 0)) return identityOf(plain);
  const nameWasUnique = wasUnique.has('accessibleName');
  // A name that was the target's alone when it was captured, and is now carried by a look-alike too (a
  // second "Save" added elsewhere), still singles out the one namesake that sits between the target's
  // two neighbours: no namesake was there to be left behind by a removal, and the look-alike sits
  // elsewhere. Two namesakes in that place are no help.
  //
  // Failing that, the one namesake that kept a neighbour of the target on the same side: the release
  // also reworded or replaced the other neighbour, and a copy added elsewhere keeps neither. Two
  // namesakes keeping one (a copy inserted beside the original) are no help.
  let namesakes = 0;
  let inPlace = 0;
  let beside = 0;
  const inPlaceToo = nameWasUnique && ev.inPlace === 1;
  const besideToo = nameWasUnique && !inPlaceToo && compiled.beside(c);
  if (ev.name >= SAME)
    for (let i = 0; i < names.length && (namesakes < 2 || (inPlaceToo && inPlace < 2) || (besideToo && beside < 2)); i++)
      if ((names[i] as number) >= SAME) {
        namesakes++;
        const other = candidates[i] as ElementFingerprint;
        if (inPlaceToo && compiled.inPlace(other) === 1) inPlace++;
        if (besideToo && compiled.beside(other)) beside++;
      }
  const own = ev.sameScope;
  // Reworded: the old name gone from the page, and this the only name sharing words with it; not the
  // opener of the target's own section ("Create report" when the dialog's "Create" is gone).
  let sharing = 0;
  if (nameWasUnique && own && !ev.contradicted && ev.name >= REWORDED_AT && ev.name < SAME)
    for (let i = 0; i < names.length && sharing < 2; i++) if ((names[i] as number) >= REWORDED_FROM) sharing++;
  const rewordedAlone = sharing === 1 && !compiled.namesSection(c);
  const nameUnique = (namesakes === 1 || inPlace === 1 || beside === 1) && (own || nameWasUnique);
  // A capture that recorded `uniqueBy` knows what was not unique too.
  const known = compiled.uniqueKnown ? false : undefined;
  const named = { ...plain, nameUnique, nameWasUnique: nameWasUnique || known, rewordedAlone };
  const withName = { ...named, ...iconUniqueness(compiled, candidates, c, ev.icon === 1 && own && identityOf({ ...named, iconUnique: true, iconWasUnique: true }) > identityOf(named)) };
  const sofar = identityOf(withName);
  // Counting shared identifiers reads an attribute of every candidate: only when it could matter.
  if (ev.sharedMatches.length === 0 || identityOf({ ...withName, sharedUnique: true, sharedWasUnique: true }) <= sofar) return sofar;
  let sharedUnique = false;
  let sharedWasUnique = false;
  for (const s of ev.sharedMatches) {
    let holders = 0;
    for (let i = 0; i < candidates.length && holders < 2; i++) if (s.similarity(candidates[i] as ElementFingerprint) >= SAME) holders++;
    const was = wasUnique.has(s.name as IdentifyingField);
    if (holders !== 1 || (!own && !was)) continue;
    sharedUnique = true;
    if (was) sharedWasUnique = true;
  }
  return identityOf({ ...withName, sharedUnique, sharedWasUnique: sharedWasUnique || known });
}

/** How many candidates of the candidate's kind (tag or role) carry the target's icon, counting to 2. */
function iconHolders(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], c: ElementFingerprint): number {
  let holders = 0;
  for (let i = 0; i < candidates.length && holders < 2; i++) {
    const x = candidates[i] as ElementFingerprint;
    if ((x.tag === c.tag || x.role === c.role) && x.icon === compiled.icon) holders++;
  }
  return holders;
}

/**
 * Whether the candidate is the only control of its kind carrying the target's icon, and was so when
 * captured; counted only when `matters` (it reads the icon of every such candidate).
 */
function iconUniqueness(compiled: CompiledTarget, candidates: readonly ElementFingerprint[], c: ElementFingerprint, matters: boolean): { iconUnique: boolean; iconWasUnique: boolean | undefined } {
  const was = compiled.uniqueBy.has('icon') ? true : compiled.uniqueKnown ? false : undefined;
  return { iconUnique: matters && was !== false && iconHolders(compiled, candidates, c) === 1, iconWasUnique: was };
}

