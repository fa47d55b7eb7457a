# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    """A visit pack (абонемент) is sold as a service product: N sessions of the covered services."""

    _inherit = "product.template"

    salon_pack_ok = fields.Boolean(
        string="Visit Pack", help="Selling this product gives the client a pack of prepaid sessions."
    )
    salon_pack_session_count = fields.Integer(string="Sessions", default=10)
    salon_pack_service_ids = fields.Many2many(
        "product.product",
        "product_template_salon_pack_service_rel",
        "template_id",
        "product_id",
        string="Covered Services",
        domain="[('is_salon_service', '=', True)]",
        help="Checking out any of these services uses one session of the pack.",
    )
    salon_pack_validity_days = fields.Integer(
        string="Valid For (days)", default=90, help="Counted from payment. 0: no end."
    )
    salon_pack_max_freeze_days = fields.Integer(
        string="Max Freeze (days)", default=28, help="Total days a manager may freeze one pack. 0: no limit."
    )

    @api.constrains("salon_pack_ok", "salon_pack_session_count", "salon_pack_service_ids", "type")
    def _check_salon_pack(self):
        for template in self.filtered("salon_pack_ok"):
            if template.type != "service":
                raise ValidationError(self.env._("A visit pack is sold as a service."))
            if template.salon_pack_session_count <= 0 or not template.salon_pack_service_ids:
                raise ValidationError(
                    self.env._("Visit pack %(pack)s needs sessions and covered services.", pack=template.name)
                )
            if template.salon_pack_validity_days < 0 or template.salon_pack_max_freeze_days < 0:
                raise ValidationError(self.env._("Validity and freeze limits cannot be negative."))
