# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The journal board's server side: everything one screen of the board needs, in one call.

The board (``static/src/board``) shows one column per master (and optionally per room/device), the
working hours and breaks from each resource calendar, and the bookings as blocks. It reads through
``get_board_data`` and writes through the ORM (``beauty.visit.line.write``), so the booking engine's
checks decide every move. When bookings change, ``_notify_bookings_changed`` sends a bus message (one
per flush of the transaction) so that other open boards reload.
"""

from collections import Counter
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from .beauty_availability import subtract_intervals

# The client card's allergies and contraindications (a res.partner field): shown when installed.
ALLERGY_FIELD = "salon_allergies"
BUS_NOTIFICATION = "beauty_salon/board_changed"
PRECOMMIT_KEY = "beauty_salon.board_changes"


class BeautyBoard(models.AbstractModel):
    _name = "beauty.board"
    _description = "Salon Journal Board"

    # ------------------------------------------------------------------ reading
    @api.model
    def get_board_data(
        self, date_from, date_to=None, company_id=None, master_ids=None, states=None, with_units=False
    ):
        """Columns, working time and bookings of the board for whole local days of a branch.

        :param date_from, date_to: first and last day shown (``YYYY-MM-DD``, branch time, inclusive)
        :param company_id: the branch, when it is one of the user's selected companies (else the current one)
        :param master_ids: masters to show (default: every master of the branch the user may see)
        :param states: booking states to show (default: all)
        :param with_units: also one column per room/device of the branch
        :return: a dict; datetimes are naive UTC strings, ``tz`` is the zone they are shown in
        """
        company = self._board_company(company_id)
        all_masters = self._board_masters(company)
        masters = all_masters.filtered(lambda m: m.id in master_ids) if master_ids else all_masters
        units = self._board_units(company) if with_units else self.env["resource.resource"]
        tz_name = self._board_tz(company, all_masters)
        tz = pytz.timezone(tz_name)
        day_from = fields.Date.to_date(date_from)
        day_to = max(fields.Date.to_date(date_to or date_from), day_from)
        utc_from = self._utc(tz, day_from)
        utc_to = self._utc(tz, day_to + timedelta(days=1))
        Line = self.env["beauty.visit.line"]
        return {
            "tz": tz_name,
            "date_from": fields.Datetime.to_string(utc_from),
            "date_to": fields.Datetime.to_string(utc_to),
            "now": fields.Datetime.to_string(fields.Datetime.now()),
            "company": {"id": company.id, "name": company.name},
            "companies": [{"id": c.id, "name": c.name} for c in self.env.companies],
            "masters": [{"id": m.id, "name": m.name} for m in all_masters],
            "states": self.env["beauty.visit"]._fields["state"]._description_selection(self.env),
            "can_book": Line.has_access("create"),
            "can_move": Line.has_access("write"),
            "columns": self._board_columns(masters, units, utc_from, utc_to),
            "bookings": self._board_bookings(company, masters, units, utc_from, utc_to, states),
        }

    @api.model
    def _board_company(self, company_id):
        """The asked branch when it is one of the user's selected companies, else the current one."""
        company = self.env["res.company"].browse(company_id or [])
        return company if company and company in self.env.companies else self.env.company

    @api.model
    def _board_masters(self, company):
        """The branch's masters; a master without reception rights sees only her own column."""
        domain = [("is_salon_master", "=", True), ("company_id", "=", company.id)]
        if not self.env.user.has_group("beauty_salon.beauty_salon_group_user"):
            domain.append(("user_id", "=", self.env.uid))
        return self.env["hr.employee"].search(domain, order="name, id")

    @api.model
    def _board_units(self, company):
        return self.env["resource.resource"].search(
            [
                ("resource_type", "=", "material"),
                ("salon_category_id", "!=", False),
                ("company_id", "in", [company.id, False]),
            ],
            order="salon_category_id, name, id",
        )

    @api.model
    def _board_tz(self, company, masters):
        """The branch's time zone: its masters' schedules, else the branch schedule, else the user's."""
        zones = Counter(tz for tz in masters.resource_id.calendar_id.mapped("tz") if tz)
        if zones:
            return zones.most_common(1)[0][0]
        return company.resource_calendar_id.tz or self.env.user.tz or "UTC"

    @api.model
    def _utc(self, tz, day):
        """Local midnight of ``day`` as a naive UTC datetime."""
        return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _board_columns(self, masters, units, utc_from, utc_to):
        """One column per master and unit, with working intervals and leaves (naive UTC strings)."""
        Availability = self.env["beauty.availability"]
        resources = masters.resource_id | units
        work = Availability._load_work(resources, utc_from, utc_to)
        attendance = Availability._load_work(resources, utc_from, utc_to, compute_leaves=False)
        to_string = fields.Datetime.to_string

        def timing(resource):
            worked = list(work[resource.id])
            planned = list(attendance[resource.id])
            if not resource.calendar_id:  # always available: nothing to shade
                return {"work": [[to_string(utc_from), to_string(utc_to)]], "leaves": []}
            return {
                "work": [[to_string(a), to_string(b)] for a, b in worked],
                "leaves": [[to_string(a), to_string(b)] for a, b in subtract_intervals(planned, worked)],
            }

        columns = [
            dict(
                {
                    "key": f"master-{master.id}",
                    "type": "master",
                    "res_id": master.id,
                    "name": master.name,
                    "subtitle": master.job_title or "",
                    "color": master.color,
                },
                **timing(master.resource_id),
            )
            for master in masters
        ]
        columns += [
            dict(
                {
                    "key": f"unit-{unit.id}",
                    "type": "unit",
                    "res_id": unit.id,
                    "name": unit.name,
                    "subtitle": unit.salon_category_id.name,
                    "color": 0,
                },
                **timing(unit),
            )
            for unit in units
        ]
        return columns

    @api.model
    def _board_bookings(self, company, masters, units, utc_from, utc_to, states):
        domain = [
            ("company_id", "=", company.id),
            ("date_start", "<", utc_to),
            ("date_stop", ">", utc_from),
        ]
        shown = [("master_id", "in", masters.ids)]
        if units:
            shown = ["|", *shown, ("resource_ids", "in", units.ids)]
        domain += shown
        if states:
            domain.append(("state", "in", list(states)))
        lines = self.env["beauty.visit.line"].search_fetch(
            domain,
            [
                "visit_id",
                "partner_id",
                "service_id",
                "master_id",
                "resource_ids",
                "date_start",
                "date_stop",
                "state",
                "note",
                "processing_start",
                "processing_duration",
            ],
        )
        first_visits = self._first_visits(lines.visit_id)
        allergies = self._allergies(lines.partner_id)
        to_string = fields.Datetime.to_string
        bookings = []
        for line in lines:
            processing = None
            if line.processing_duration:
                pause_start = line.date_start + timedelta(hours=line.processing_start)
                pause_stop = pause_start + timedelta(hours=line.processing_duration)
                processing = [to_string(pause_start), to_string(min(pause_stop, line.date_stop))]
            category = line.service_id.categ_id
            bookings.append(
                {
                    "id": line.id,
                    "visit_id": line.visit_id.id,
                    "visit_name": line.visit_id.name,
                    "master_id": line.master_id.id,
                    "master_name": line.master_id.name,
                    "unit_ids": line.resource_ids.ids,
                    "start": to_string(line.date_start),
                    "stop": to_string(line.date_stop),
                    "state": line.state,
                    "partner_name": line.partner_id.name or "",
                    "service_name": line.service_id.name or "",
                    "category_id": category.id,
                    "category_name": category.name or "",
                    "note": line.note or "",
                    "processing": processing,
                    "first_visit": line.visit_id.id in first_visits,
                    "allergy": allergies.get(line.partner_id.id) or "",
                }
            )
        return bookings

    @api.model
    def _first_visits(self, visits):
        """Ids of the visits that are their client's first: nothing done before them."""
        if not visits:
            return set()
        # sudo: a master sees only her own visits; the flag needs the client's whole history, and only
        # a yes/no per shown visit comes out of it.
        first_done = dict(
            self.env["beauty.visit"]
            .sudo()
            ._read_group(
                [("partner_id", "in", visits.partner_id.ids), ("state", "=", "done")],
                ["partner_id"],
                ["date_start:min"],
            )
        )
        return {
            visit.id
            for visit in visits
            if not first_done.get(visit.partner_id) or first_done[visit.partner_id] >= visit.date_start
        }

    @api.model
    def _allergies(self, partners):
        """``{partner_id: text}`` from the client card's allergy field, when it is installed and readable."""
        field = self.env["res.partner"]._fields.get(ALLERGY_FIELD)
        if not field or not field.is_accessible(self.env) or not partners:
            return {}
        return {partner.id: partner[ALLERGY_FIELD] for partner in partners if partner[ALLERGY_FIELD]}

    # ------------------------------------------------------------------ live refresh
    @api.model
    def _notify_bookings_changed(self, lines):
        """Tell open boards that these bookings change, with one bus message per flush (at the latest
        at commit) whatever the number of bookings.

        Called before a write or unlink (the old times) and after a create; the new times are read
        when the message is made. The message carries, per branch, the UTC span touched before and
        after the change, so a board showing other days or another branch does not reload.
        """
        if not lines:
            return
        precommit = self.env.cr.precommit
        if PRECOMMIT_KEY not in precommit.data:
            precommit.data[PRECOMMIT_KEY] = {"spans": {}, "line_ids": set()}
            precommit.add(self._send_board_changes)
        changes = precommit.data[PRECOMMIT_KEY]
        changes["line_ids"].update(lines.ids)
        self._merge_spans(changes["spans"], lines)

    @api.model
    def _merge_spans(self, spans, lines):
        for line in lines:
            if not line.date_start or not line.company_id:
                continue
            start, stop = line.date_start, line.date_stop or line.date_start
            known = spans.get(line.company_id.id)
            spans[line.company_id.id] = (
                (min(known[0], start), max(known[1], stop)) if known else (start, stop)
            )

    @api.model
    def _send_board_changes(self):
        changes = self.env.cr.precommit.data.pop(PRECOMMIT_KEY, None)
        if not changes:
            return
        # sudo: re-read the new times of bookings this transaction touched, whoever may read them.
        lines = self.env["beauty.visit.line"].sudo().browse(changes["line_ids"]).exists()
        spans = changes["spans"]
        self._merge_spans(spans, lines)
        if not spans:
            return
        to_string = fields.Datetime.to_string
        self.env["bus.bus"]._sendone(
            self.env.ref("beauty_salon.beauty_salon_group_master"),
            BUS_NOTIFICATION,
            {
                "changes": [
                    {"company_id": company_id, "start": to_string(start), "stop": to_string(stop)}
                    for company_id, (start, stop) in sorted(spans.items())
                ],
                "uid": self.env.uid,
            },
        )
