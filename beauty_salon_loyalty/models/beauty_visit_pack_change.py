# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class BeautyVisitPackChange(models.Model):
    """A manager's freeze (no use during the period; validity moves by its days) or extension of a pack."""

    _name = "beauty.visit.pack.change"
    _description = "Visit Pack Freeze or Extension"
    _order = "id desc"

    pack_id = fields.Many2one(
        "beauty.visit.pack", string="Visit Pack", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="pack_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("freeze", "Freeze"), ("extension", "Extension")], required=True, default="freeze"
    )
    date_from = fields.Date(string="Frozen From")
    date_to = fields.Date(string="Frozen Until")
    extra_days = fields.Integer()
    days = fields.Integer(compute="_compute_days", store=True, help="Days added to the validity of the pack.")
    reason = fields.Char(required=True)
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user, readonly=True)

    @api.depends("kind", "date_from", "date_to", "extra_days")
    def _compute_days(self):
        for change in self:
            if change.kind == "freeze":
                dated = change.date_from and change.date_to
                change.days = (change.date_to - change.date_from).days + 1 if dated else 0
            else:
                change.days = change.extra_days

    @api.constrains("kind", "date_from", "date_to", "extra_days", "pack_id")
    def _check_change(self):
        for change in self:
            pack = change.pack_id
            if pack.state != "active":
                raise ValidationError(self.env._("Only an active visit pack can be frozen or extended."))
            if change.kind == "extension":
                if change.extra_days <= 0:
                    raise ValidationError(self.env._("An extension adds at least one day."))
                continue
            if not (change.date_from and change.date_to) or change.date_to < change.date_from:
                raise ValidationError(self.env._("A freeze needs a start and an end on or after it."))
            if change.date_from < pack.date_start:
                raise ValidationError(self.env._("A freeze cannot start before the pack is valid."))
            limit = pack.product_id.salon_pack_max_freeze_days
            frozen = sum(pack.change_ids.filtered(lambda c: c.kind == "freeze").mapped("days"))
            if limit and frozen > limit:
                raise ValidationError(
                    self.env._(
                        "Visit pack %(pack)s can be frozen for %(limit)s days in all (%(days)s asked).",
                        pack=pack.name,
                        limit=limit,
                        days=frozen,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        changes = super().create(vals_list)
        for change in changes:
            if change.kind == "freeze":
                body = self.env._(
                    "Frozen from %(start)s to %(end)s: %(reason)s",
                    start=change.date_from,
                    end=change.date_to,
                    reason=change.reason,
                )
            else:
                body = self.env._(
                    "Extended by %(days)s days: %(reason)s", days=change.days, reason=change.reason
                )
            change.pack_id.message_post(body=body)
        return changes
