# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.beauty_availability import BLOCKING_STATES

# Hours before the start within which a cancellation counts as late (ir.config_parameter, then default).
LATE_CANCEL_PARAM = "beauty_salon.late_cancel_hours"
LATE_CANCEL_DEFAULT = 24
LATE_CANCEL_HOURS = SQL(
    """(SELECT COALESCE(MAX(CASE WHEN value ~ '^[0-9]+(\\.[0-9]+)?$' THEN value::numeric END), %s)
          FROM ir_config_parameter WHERE key = %s)""",
    LATE_CANCEL_DEFAULT,
    LATE_CANCEL_PARAM,
)


def late_cancel_sql(state, cancel_date, start):
    """SQL condition: cancelled within the late-cancellation window before ``start`` (SQL expressions)."""
    return SQL(
        "COALESCE(%s = 'cancelled' AND %s > %s - make_interval(secs => %s * 3600), FALSE)",
        state,
        cancel_date,
        start,
        LATE_CANCEL_HOURS,
    )


class BeautyBookingReport(models.Model):
    """Salon bookings: one row per booking (visit line) with its state, master time and lateness."""

    _name = "beauty.booking.report"
    _description = "Salon Booking Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(string="Start", readonly=True)
    visit_id = fields.Many2one("beauty.visit", readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    master_id = fields.Many2one("hr.employee", readonly=True)
    service_id = fields.Many2one("product.product", readonly=True)
    service_categ_id = fields.Many2one("product.category", string="Service Category", readonly=True)
    state = fields.Selection(
        lambda self: self.env["beauty.visit"]._fields["state"]._description_selection(self.env),
        string="Status",
        readonly=True,
    )
    source = fields.Selection(
        lambda self: self.env["beauty.visit"]._fields["source"]._description_selection(self.env),
        readonly=True,
    )
    booked_hours = fields.Float(
        readonly=True,
        help="The master's time with the client (processing excluded) of bookings that keep their time.",
    )
    is_late_cancel = fields.Boolean(string="Late Cancellation", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT line.id AS id,
                   line.date_start AS date,
                   line.visit_id AS visit_id,
                   line.company_id AS company_id,
                   line.partner_id AS partner_id,
                   line.master_id AS master_id,
                   line.service_id AS service_id,
                   pt.categ_id AS service_categ_id,
                   line.state AS state,
                   visit.source AS source,
                   CASE WHEN line.state IN %(blocking)s
                        THEN GREATEST(line.duration - COALESCE(line.processing_duration, 0), 0)
                        ELSE 0 END AS booked_hours,
                   %(late)s AS is_late_cancel
              FROM beauty_visit_line line
              JOIN beauty_visit visit ON visit.id = line.visit_id
              JOIN product_product pp ON pp.id = line.service_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
            """,
            blocking=BLOCKING_STATES,
            late=late_cancel_sql(
                SQL.identifier("line", "state"),
                SQL.identifier("visit", "cancel_date"),
                SQL.identifier("line", "date_start"),
            ),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
