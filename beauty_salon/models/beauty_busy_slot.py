# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from psycopg2.errors import ExclusionViolation

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, create_index, format_datetime, mute_logger

# First key of the advisory locks that serialise bookings per resource (an arbitrary constant).
ADVISORY_LOCK_NAMESPACE = 714_2001


class BeautyBusySlot(models.Model):
    """The time a master, room or device is taken by a visit: what PostgreSQL refuses to overlap.

    Derived from the visit lines (``beauty.visit._sync_busy_slots``): one row per busy interval of a
    resource, merged within a visit. Rows exist only while the visit blocks time (not cancelled, not a
    no-show). The EXCLUDE constraints make a concurrent double booking fail inside the database.
    """

    _name = "beauty.busy.slot"
    _description = "Busy Time of a Master, Room or Device"
    _order = "date_start, id"

    visit_id = fields.Many2one("beauty.visit", required=True, index=True, ondelete="cascade")
    line_id = fields.Many2one("beauty.visit.line", string="Booking", index=True, ondelete="cascade")
    resource_id = fields.Many2one("resource.resource", required=True, ondelete="restrict")
    kind = fields.Selection([("master", "Master"), ("unit", "Room/Device")], required=True)
    date_start = fields.Datetime(required=True)
    date_stop = fields.Datetime(required=True)
    overbooked = fields.Boolean(default=False, help="Booked on purpose over another booking by a manager.")
    company_id = fields.Many2one(related="visit_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("dates_check", "CHECK (date_stop > date_start)", "A busy interval must end after it starts."),
        (
            "master_no_overlap",
            """EXCLUDE USING GIST (
                int4range(resource_id, resource_id, '[]') WITH =,
                tsrange(date_start, date_stop, '[)') WITH &&
            ) WHERE (kind = 'master' AND overbooked IS NOT TRUE)""",
            "This master is already booked at that time.",
        ),
        (
            "unit_no_overlap",
            """EXCLUDE USING GIST (
                int4range(resource_id, resource_id, '[]') WITH =,
                tsrange(date_start, date_stop, '[)') WITH &&
            ) WHERE (kind = 'unit' AND overbooked IS NOT TRUE)""",
            "This room or device is already booked at that time.",
        ),
    ]

    def init(self):
        create_index(
            self.env.cr, "beauty_busy_slot_resource_stop_index", self._table, ["resource_id", "date_stop"]
        )

    @api.model
    def _create_guarded(self, vals_list):
        """Create busy intervals; an overlap becomes a readable ValidationError.

        Advisory locks per resource, taken in id order, queue concurrent bookings of the same master or
        room (no deadlock between two inserts). A visible conflict is then reported by name without
        sending a failing INSERT; PostgreSQL's EXCLUDE constraints still decide, and a booking committed
        by a concurrent transaction after this one's snapshot makes the insert fail in its savepoint.
        """
        guarded = [vals for vals in vals_list if not vals.get("overbooked")]
        for resource_id in sorted({vals["resource_id"] for vals in guarded}):
            self.env.cr.execute(
                SQL("SELECT pg_advisory_xact_lock(%s, %s)", ADVISORY_LOCK_NAMESPACE, resource_id)
            )
        message = self._conflict_message(guarded)
        if message:
            raise ValidationError(message)
        try:
            # A refusal here is an expected answer, not an error for the server log (as core's
            # product_product does around its own constraint).
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                slots = self.create(vals_list)
        except ExclusionViolation:
            # Not visible in this transaction's snapshot: a concurrent booking committed meanwhile.
            raise ValidationError(
                self.env._("This time has just been booked by someone else. Please choose another time.")
            ) from None
        return slots

    @api.model
    def _conflict_message(self, vals_list):
        """A message naming the first visible booking that overlaps one of ``vals_list``, or None."""
        for vals in vals_list:
            rows = self.env.execute_query(
                SQL(
                    """SELECT visit_id, date_start, date_stop FROM beauty_busy_slot
                        WHERE resource_id = %s AND kind = %s AND overbooked IS NOT TRUE AND visit_id != %s
                          AND tsrange(date_start, date_stop, '[)') && tsrange(%s, %s, '[)')
                        ORDER BY date_start LIMIT 1""",
                    vals["resource_id"],
                    vals["kind"],
                    vals["visit_id"],
                    vals["date_start"],
                    vals["date_stop"],
                )
            )
            if not rows:
                continue
            visit_id, start, stop = rows[0]
            # sudo: only the name of the resource and the reference of the other visit are disclosed.
            resource = self.env["resource.resource"].sudo().browse(vals["resource_id"])
            other = self.env["beauty.visit"].sudo().browse(visit_id)
            label = self.env._("Master") if vals["kind"] == "master" else self.env._("Room/device")
            return self.env._(
                "%(kind)s %(resource)s is already booked from %(start)s to %(stop)s (visit %(visit)s).",
                kind=label,
                resource=resource.name,
                start=format_datetime(self.env, start, dt_format="short"),
                stop=format_datetime(self.env, stop, dt_format="short"),
                visit=other.name,
            )
        return None
