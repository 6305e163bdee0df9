"""Outlets that are sources, generic actors that give way to examples, and names the text
defines as one ("X, known as Y", "Y (X)")."""

from __future__ import annotations

from spacy.tokens import Doc

from ._base import _RecognizerBase
from .mentions import _Cand

_DASHES = frozenset({"—", "–", "-", "--", ":"})


class _AliasMixin(_RecognizerBase):
    """The roles of ``actor_roles.yaml``: outlets as sources, generic actors, defined aliases."""

    def _is_source_outlet(self, doc: Doc, cand: _Cand) -> bool:
        """Whether an outlet mention is a source of the text rather than an actor in it: a
        dateline or credit ("WASHINGTON (AP) -", "(Reuters)"), the outlet a person talks to
        ("told FoxNews.com", "in an interview with CNN"), the one that reports ("Reuters
        reported", "according to Al Jazeera", "wrote in The Guardian") or owns the report
        ("a BBC correspondent")."""
        actor = self.kb.get(cand.actor_id)
        if actor is None or actor.sector != "outlet":
            return False
        roles = self.roles
        start, end = cand.start, cand.end
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        if before is not None and before.text == "(" and after is not None and after.text == ")":
            return True
        line_start = before is None or "\n" in before.text or doc[start].is_sent_start
        if line_start and after is not None and after.text in _DASHES:
            return True
        root = doc[start:end].root
        head = root.head
        lemma = head.lemma_.lower()
        if root.dep_ in ("nsubj", "nsubjpass", "compound") and lemma in roles.outlet_subject_verbs:
            return root.dep_ != "nsubjpass"
        if root.dep_ in ("dobj", "dative") and lemma in roles.outlet_addressee_verbs:
            return True
        if root.dep_ == "pobj":
            prep, gov = head.lower_, head.head
            glemma = gov.lemma_.lower()
            if prep == "to" and (
                gov.lower_ == "according" or glemma in roles.outlet_addressee_verbs
            ):
                return True
            if prep == "with" and glemma in roles.outlet_with_nouns:
                return True
            if prep in ("in", "on") and glemma in roles.outlet_in_verbs:
                return True
            if prep == "by" and glemma in roles.outlet_subject_verbs:
                return True  # "reported by Reuters"
        if root.dep_ in ("poss", "compound", "nmod") and head.lemma_.lower() in (
            roles.outlet_possessed_nouns
        ):
            return True
        return False

    def _specific_over_generic(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """Drop a generic mention followed by examples that name actors ("trading partners
        such as China", "donors including Japan"): the named ones are the actors."""
        by_start = {c.start: c for c in chosen}
        out: list[_Cand] = []
        for cand in chosen:
            actor = self.kb.get(cand.actor_id)
            if (
                actor is not None
                and (actor.sector == "generic" or self._kind_of_group(actor.id))
                and self._descriptor_of_name(doc, cand, self._name_after(doc, cand, by_start))
            ):
                # "human rights organization Amnesty International", "Zambia's opposition
                # Patriotic Front": one actor, the one named
                continue
            if actor is not None and actor.sector == "generic":
                j = cand.end + (1 if cand.end < len(doc) and doc[cand.end].text == "," else 0)
                for cue in self.roles.generic_examples:
                    if [t.lower_ for t in doc[j : j + len(cue)]] == list(cue):
                        k = j + len(cue)
                        if k < len(doc) and doc[k].lower_ == "the":
                            k += 1
                        other = by_start.get(k)
                        other_actor = self.kb.get(other.actor_id) if other is not None else None
                        if other is not None and (
                            other_actor is None or other_actor.sector != "generic"
                        ):
                            break
                else:
                    out.append(cand)
                continue
            out.append(cand)
        return self._members_named_by_their_group(doc, out)

    def _name_after(self, doc: Doc, cand: _Cand, by_start: dict[int, _Cand]) -> _Cand | None:
        """The mention right after ``cand``, past a noun saying what it is and an article
        ("Syrian rebel group Jaish al-Islam", "Kenyan newspaper The Standard")."""
        k = cand.end
        if k < len(doc) and doc[k].lower_ in self.agents.descriptor_nouns:
            k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        return by_start.get(k)

    def _kind_of_group(self, actor_id: str) -> bool:
        """Whether an actor is a country's group of a kind that is no organ of its state (its
        opposition, rebels, militias, companies, media: ``organ: false`` in agents.yaml)."""
        suffix = actor_id.rsplit(".", 1)[-1] if "." in actor_id else ""
        return any(c.suffix == suffix and not c.organ for c in self.agents.classes.values())

    def _descriptor_of_name(self, doc: Doc, cand: _Cand, nxt: _Cand | None) -> bool:
        """Whether a generic phrase right before a specific name describes it: "human rights
        organization Amnesty International", "aid group Doctors Without Borders"."""
        if nxt is None:
            return False
        other = self.kb.get(nxt.actor_id)
        if other is not None and other.sector == "generic":
            return False
        # "human rights organization Amnesty International" (a compound of the name), "the aid
        # group Doctors Without Borders" (the name in apposition); through a noun saying what
        # it is ("rebel group Jaish al-Islam")
        name = range(nxt.start, nxt.end)
        heads = [doc[k] for k in range(cand.end - 1, nxt.start) if doc[k].lower_ != "the"]
        if any(
            h.head.i in name
            or any(t.dep_ == "appos" and t.head.i == h.i for t in doc[nxt.start : nxt.end])
            for h in heads
        ):
            return True
        # the small model often parses "Kenyan newspaper The Standard" as two subjects: a
        # group's kind right before a proper name that is no state is its description
        return (
            nxt.start > cand.end
            and (other is None or other.type not in ("state", "government"))
            and doc[nxt.start].pos_ == "PROPN"
            and doc[nxt.start].is_title
        )

    def _counted_victims(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """ "The bombing killed 12 people", "attacks that wounded dozens of people": counted
        people a violent act befalls are civilians (``victim_verbs``); "12 people said",
        "the Iraqi people" are not read here."""
        covered = {i for c in chosen for i in range(c.start, c.end)}
        civilians = self.kb.get("GEN.CIVILIANS")
        verbs = self.agents.place("victim_verbs")
        out: list[_Cand] = []
        if civilians is None:
            return out
        for tok in doc:
            if not self._counted_noun(tok) or tok.i in covered:
                continue
            counted = any(c.dep_ == "nummod" for c in tok.children) or (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and tok.head.head.lower_ in self.agents.place("counting_heads")
            )
            verb = tok.head.head.head if tok.dep_ == "pobj" else tok.head
            if counted and verb.lemma_.lower() in verbs:
                out.append(self._cand(tok.i, tok.i + 1, civilians, "alias"))
        return out

    def _roles_of_people(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """ "Myanmar's military leader Min Aung Hlaing", "Kenya's opposition leader Raila
        Odinga": an agent phrase that qualifies a person's title is the person's role, not an
        actor beside the person; its country stays ("Myanmar's", as in "Russia's defence
        minister Sergei Shoigu")."""
        out: list[_Cand] = []
        for cand in sorted(chosen, key=lambda c: c.start):
            prev = out[-1] if out else None
            if (
                prev is not None
                and cand.type == "person"
                and prev.type not in ("person", "state")
                and prev.kind == "compound"
                and prev.end == cand.start
                and doc[prev.end - 1].dep_ in ("amod", "compound")
                and doc[prev.end - 1].head.i in range(cand.start, cand.end)
            ):
                out.pop()
                cand.start = prev.start
                pos = next((t.i for t in doc[prev.start : prev.end] if t.tag_ == "POS"), None)
                country = self.kb.get(self.kb.country_of(prev.actor_id) or "")
                if pos is not None and country is not None:
                    out.append(self._cand(prev.start, pos, country, "alias"))
                    cand.start = pos + 1
            out.append(cand)
        return out

    def _members_named_by_their_group(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """ "the FARC rebels", "Zeta Cartel gunmen", "Greenpeace activists": a generic noun of
        membership (``member_generics``) right after the name of a group is that group, one
        mention; "Amazon workers", "Syrian rebels" (a state's) stay as they are."""
        out: list[_Cand] = []
        for cand in sorted(chosen, key=lambda c: c.start):
            prev = out[-1] if out else None
            prev_actor = self.kb.get(prev.actor_id) if prev is not None else None
            if (
                prev is not None
                and prev.end == cand.start
                and cand.actor_id.lower() in self.roles.member_generics
                and prev.type not in ("state", "person")
                and (prev_actor is None or prev_actor.sector != "generic")
                and doc[prev.end - 1].dep_ in ("compound", "amod", "nmod")
                and doc[prev.end - 1].head.i in range(cand.start, cand.end)
            ):
                prev.end = cand.end
                continue
            out.append(cand)
        return self._members_of_their_group(doc, out)

    def _members_of_their_group(self, doc: Doc, chosen: list[_Cand]) -> list[_Cand]:
        """ "activists from the Fatah Party", "militants of Hamas", "rebels from the FARC": a
        generic noun of membership followed by "from" or "of" and a group's name is that group
        (a generic only when nothing specific is said); "activists from Kenya" (a state),
        "supporters of Ben Bella" (a person) stay generic."""
        by_start = {c.start: c for c in chosen}
        for cand in chosen:
            j = cand.end
            if cand.actor_id.lower() not in self.roles.member_generics or j + 1 >= len(doc):
                continue
            if doc[j].lower_ not in ("from", "of") or doc[j].head.i != j - 1:
                continue  # "cut off militants from ISIL in Mosul": the verb's "from"
            k = j + 1  # "from the defeated Fatah Party"
            while k < min(len(doc), j + 4) and k not in by_start and doc[k].dep_ in ("det", "amod"):
                k += 1
            group = by_start.get(k)
            group_actor = self.kb.get(group.actor_id) if group is not None else None
            if (
                group is not None
                and group.type not in ("state", "person")
                and (group_actor is None or group_actor.sector != "generic")
            ):
                cand.actor_id, cand.name, cand.type = group.actor_id, group.name, group.type
                cand.resolved_by = group.resolved_by
        return chosen

    def _defined_aliases(self, doc: Doc, chosen: list[_Cand], taken: list[bool]) -> list[_Cand]:
        """Names the text defines as one actor: "X, known as Y", "X, also called Y", "Y (X)".

        The more specific reading wins (a knowledge-base name over a generic phrase or a
        provisional name) and every mention of the other actor in the document takes it.
        A defined name nobody recognised becomes a mention of the actor. Returns the new
        mentions.
        """
        by_start = {c.start: c for c in chosen}
        pairs: list[tuple[_Cand, _Cand]] = []
        new: list[_Cand] = []
        for cand in sorted(chosen, key=lambda c: c.start):
            j = cand.end
            if j >= len(doc):
                continue
            if doc[j].text == "(":
                other = by_start.get(j + 1)
                if (
                    other is not None
                    and other.end < len(doc)
                    and doc[other.end].text == ")"
                    and not _inside_defined_name(doc, cand, other)
                ):
                    pairs.append((cand, other))
                continue
            comma = doc[j].text == ","
            cues = self.roles.alias_cues if comma else self.roles.alias_cues_no_comma
            j += 1 if comma else 0
            for cue in cues:
                if [t.lower_ for t in doc[j : j + len(cue)]] != list(cue):
                    continue
                k = j + len(cue)
                while k < len(doc) and (doc[k].lower_ == "the" or doc[k].text in {'"', "“", "‘"}):
                    k += 1
                other = by_start.get(k)
                if other is not None:
                    pairs.append((cand, other))
                elif cue != ("or",) and k < len(doc) and doc[k].pos_ == "PROPN" and not taken[k]:
                    e = k
                    while (
                        e < len(doc)
                        and not taken[e]
                        and (
                            doc[e].pos_ == "PROPN"
                            or (
                                doc[e].text == "-"
                                and e + 1 < len(doc)
                                and doc[e + 1].pos_ == "PROPN"
                            )
                        )
                    ):
                        e += 1
                    twin = _Cand(k, e, cand.actor_id, "coref", round(0.85 * cand.confidence, 3),
                                 "coref", cand.name, cand.type)  # fmt: skip
                    for i in range(k, e):
                        taken[i] = True
                    new.append(twin)
                break
        for a, b in pairs:
            self._unify(a, b, [*chosen, *new])
        return new

    def _unify(self, a: _Cand, b: _Cand, mentions: list[_Cand]) -> None:
        """Make two mentions one actor, keeping the more specific one's identity."""
        if a.actor_id == b.actor_id:
            return
        if (a.type == "person") != (b.type == "person") and "ner" not in (
            a.resolved_by,
            b.resolved_by,
        ):
            return  # a person and an organisation the knowledge base knows stay two
        if a.kind == "alias" and b.kind == "alias":
            return  # two names the knowledge base tells apart stay apart

        def rank(c: _Cand) -> tuple[int, bool, int]:
            actor = self.kb.get(c.actor_id)
            generic = actor is not None and actor.sector == "generic"
            tier = (
                3
                if generic
                else {"alias": 0, "metonym": 0, "fuzzy": 1}.get(
                    c.kind, 2 if c.resolved_by == "kb" else 3
                )
            )
            # a provisional name's person reading is the weaker one ("Ittihad al-Muzarain")
            return tier, c.resolved_by == "ner" and c.type == "person", -(c.end - c.start)

        win, lose = (a, b) if rank(a) <= rank(b) else (b, a)
        old = lose.actor_id
        for m in mentions:
            if m.actor_id == old:
                m.actor_id, m.name, m.type = win.actor_id, win.name, win.type
                m.resolved_by, m.kind = "coref", "coref"
                m.confidence = round(min(m.confidence, win.confidence), 3)


def _inside_defined_name(doc: Doc, cand: _Cand, acronym: _Cand) -> bool:
    """Whether an acronym in brackets abbreviates a longer name that ``cand`` only ends:
    "National Union for the Total Independence of Angola (UNITA)" defines UNITA, not Angola;
    "Syrian Democratic Forces (SDF)" and "Democratic Republic of Congo (DRC)" are defined
    whole. Read when the acronym does not start with the mention's initial and the mention
    follows "of" or "for" inside a capitalised name."""
    text = doc[acronym.start : acronym.end].text
    if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 8):
        return False
    if text[0] == doc[cand.start].text[:1].upper():
        return False
    k = cand.start - 1
    while k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ in ("of", "for") and doc[k - 1].text[:1].isupper()
