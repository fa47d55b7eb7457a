# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import float_round

# Context key of the flows allowed to move balances (checkout, cancellation, expiry, refunds):
# outside them only a manager may change a balance or post a ledger line by hand.
LOYALTY_FLOW = "salon_loyalty_flow"
# Ledger fields that never change once posted: a mistake is corrected by a new line.
LEDGER_FIELDS = {"card_id", "issued", "used", "salon_kind", "salon_date", "salon_source_id"}


def replay_fifo(lines):
    """Replay one card's ledger (lines in date order): what is left of each accrual, and what each line took.

    An accrual (``issued``) opens a batch. Points spent (``used``) come first from the line's source batch
    (an expiry takes its own accrual, a refund its own order's points), then from the oldest batch still
    valid on the line's date. Points spent beyond what is left make a debt that the next accruals pay first.

    Returns ``(remaining, taken)``: ``{accrual_id: points left}`` and ``{line_id: [(accrual_id, points)]}``.
    """
    remaining, expiry, taken = {}, {}, {}
    debt = 0.0
    for line in lines:
        to_take = line.used
        takes = []
        if to_take > 0:
            source = line.salon_source_id.id
            if source in remaining:
                part = min(remaining[source], to_take)
                remaining[source] -= part
                to_take -= part
                takes.append((source, part))
            if line.salon_kind != "expiry":
                for batch, left in remaining.items():
                    if to_take <= 0:
                        break
                    if left <= 0 or (expiry[batch] and expiry[batch] < line.salon_date):
                        continue
                    part = min(left, to_take)
                    remaining[batch] = left - part
                    to_take -= part
                    takes.append((batch, part))
            debt += max(to_take, 0.0)
        taken[line.id] = takes
        if line.issued > 0:
            paid_back = min(debt, line.issued)
            debt -= paid_back
            remaining[line.id] = line.issued - paid_back
            expiry[line.id] = line.salon_expiration_date
    return {batch: float_round(left, precision_digits=2) for batch, left in remaining.items()}, taken


class LoyaltyHistory(models.Model):
    """The card ledger: every change of a balance is a line, and a balance is the sum of its lines.

    For bonus points each accrual also carries its own expiry date and what is left of it, so that points
    are spent oldest first and expire accrual by accrual.
    """

    _inherit = "loyalty.history"

    salon_kind = fields.Selection(
        [
            ("order", "Order"),
            ("adjustment", "Adjustment"),
            ("birthday", "Birthday Bonus"),
            ("activation", "Activation"),
            ("expiry", "Expiry"),
            ("refund", "Refund"),
        ],
        string="Kind",
        readonly=True,
    )
    salon_date = fields.Date(string="Date", default=fields.Date.context_today, required=True, readonly=True)
    salon_expiration_date = fields.Date(
        string="Expires On", help="Bonus points: the last day the points of this accrual can be spent."
    )
    salon_remaining_points = fields.Float(
        string="Left",
        readonly=True,
        help="Bonus points: what is left of this accrual (not spent, not expired).",
    )
    salon_source_id = fields.Many2one(
        "loyalty.history",
        string="Taken From",
        readonly=True,
        index="btree_not_null",
        help="The accrual this line takes its points from first (an expiry, a refund).",
    )
    salon_reminded = fields.Boolean(
        string="Reminder Sent", readonly=True, help="The client was told that this accrual expires soon."
    )
    program_id = fields.Many2one(related="card_id.program_id")
    partner_id = fields.Many2one(related="card_id.partner_id", string="Client")

    def init(self):
        # A card's ledger in date order (balance checks, oldest-first replay at each checkout).
        tools.create_index(
            self.env.cr, "loyalty_history_card_date_index", self._table, ["card_id", "salon_date", "id"]
        )
        # The daily expiry scans only accruals that still hold points.
        tools.create_index(
            self.env.cr,
            "loyalty_history_salon_due_index",
            self._table,
            ["salon_expiration_date"],
            where="salon_remaining_points > 0",
        )

    @api.model_create_multi
    def create(self, vals_list):
        manual = [vals for vals in vals_list if not vals.get("order_id")]
        if manual and not self.env.su and not self.env.context.get(LOYALTY_FLOW):
            self.env["loyalty.card"]._salon_check_adjust_access()
        for vals in vals_list:
            vals.setdefault("salon_kind", "order" if vals.get("order_id") else "adjustment")
        lines = super().create(vals_list)
        lines._salon_set_expiration()
        lines.card_id._salon_replay_points()
        return lines

    def write(self, vals):
        if LEDGER_FIELDS & set(vals) and not self.env.su:
            raise UserError(self.env._("A ledger line cannot be changed: post a correction instead."))
        if "salon_expiration_date" in vals and not self.env.su:
            self.env["loyalty.card"]._salon_check_adjust_access()
        return super().write(vals)

    def unlink(self):
        # Nobody may delete ledger lines (no access rule allows it): only Odoo itself does, as superuser,
        # for a cancelled order whose points it takes back at the same time.
        cards = self.card_id
        result = super().unlink()
        cards.exists()._salon_replay_points()
        return result

    def _salon_set_expiration(self):
        """Accruals of bonus points expire ``validity`` days after the day they were earned."""
        for line in self:
            program = line.card_id.program_id
            if (
                line.issued > 0
                and not line.salon_expiration_date
                and program.salon_kind == "points"
                and program.salon_validity_days
            ):
                # sudo: the expiry date is derived from the program, whoever posted the line.
                line.sudo().salon_expiration_date = line.salon_date + timedelta(
                    days=program.salon_validity_days
                )
