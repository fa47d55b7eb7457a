# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class BeautyCostCard(models.Model):
    """Калькуляционная карта: the consumables one service uses and how much of each (the norm).

    A card belongs to a service and, optionally, to one of its variants (e.g. long hair); a variant's own
    card wins over the service's general one, as Odoo's bills of materials do. A line with a master
    replaces the norm of its product for that master only.
    """

    _name = "beauty.cost.card"
    _description = "Service Cost Card"
    _order = "service_tmpl_id, service_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    service_tmpl_id = fields.Many2one(
        "product.template",
        string="Service",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('is_salon_service', '=', True)]",
    )
    service_id = fields.Many2one(
        "product.product",
        string="Variant",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        domain="[('product_tmpl_id', '=', service_tmpl_id)]",
        help="Leave empty for a card that serves every variant of the service.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Leave empty for a card used in every branch (possible when the service is shared).",
    )
    line_ids = fields.One2many("beauty.cost.card.line", "card_id", string="Materials", copy=True)
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    material_cost = fields.Monetary(
        compute="_compute_material_cost",
        string="Materials Cost",
        help="The general norms (no master) at the products' current valuation.",
    )
    note = fields.Text(string="Technology Notes")

    @api.depends("service_tmpl_id", "service_id")
    def _compute_display_name(self):
        for card in self:
            card.display_name = card.service_id.display_name or card.service_tmpl_id.display_name or ""

    @api.depends("service_tmpl_id")
    def _compute_company_id(self):
        for card in self:
            card.company_id = card.service_tmpl_id.company_id

    @api.depends_context("company")
    @api.depends("company_id")
    def _compute_currency_id(self):
        for card in self:
            card.currency_id = (card.company_id or self.env.company).currency_id

    @api.depends_context("company")
    @api.depends("line_ids.cost", "line_ids.master_id")
    def _compute_material_cost(self):
        for card in self:
            card.material_cost = sum(card.line_ids.filtered(lambda line: not line.master_id).mapped("cost"))

    @api.model
    def _salon_find(self, lines):
        """The card each booking uses, ``{booking: card}``: its variant's card, else its service's."""
        cards = self.search(
            [
                ("service_tmpl_id", "in", lines.service_id.product_tmpl_id.ids),
                ("company_id", "in", [False, *lines.company_id.ids]),
            ],
            order="sequence, id",
        )
        found = {}
        for line in lines:
            usable = cards.filtered(
                lambda c, line=line: (
                    c.service_tmpl_id == line.service_id.product_tmpl_id
                    and (not c.company_id or c.company_id == line.company_id)
                )
            )
            card = usable.filtered(lambda c, line=line: c.service_id == line.service_id)[:1]
            found[line] = card or usable.filtered(lambda c: not c.service_id)[:1]
        return found

    def _salon_norm_lines(self, master):
        """The card's lines as ``master`` uses them: her own norm replaces the general one of a product."""
        self.ensure_one()
        own = self.line_ids.filtered(lambda line: line.master_id == master)
        general = self.line_ids.filtered(
            lambda line: not line.master_id and line.product_id not in own.product_id
        )
        return (general | own).filtered(lambda line: line.quantity > 0)
