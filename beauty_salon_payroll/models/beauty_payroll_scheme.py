# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Kinds of order lines that lower what the client paid (see beauty.visit._salon_reduction_kinds), and the
# scheme switch deciding whether each kind also lowers the master's commission base.
REDUCTION_SWITCHES = {
    "discount": "deduct_discounts",
    "points": "deduct_points",
    "certificate": "deduct_certificates",
    "pack": "deduct_packs",
}


class BeautyPayrollScheme(models.Model):
    """How a master is paid: commissions on what she did and sold, a salary, a guaranteed minimum.

    Precedence for a service: a rule for the service, then a rule for its category (the closest one),
    then the tiers, then the scheme's default rate. A scheme is assigned to masters or job positions
    from a date (``beauty.payroll.assignment``).
    """

    _name = "beauty.payroll.scheme"
    _description = "Pay Scheme"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Branch", index=True, help="Leave empty to use the scheme in every branch."
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    note = fields.Text(string="Description")
    # Services
    service_rate = fields.Float(
        string="Service Commission (%)", digits=(5, 2), help="Share of the commission base of each service."
    )
    service_fixed_amount = fields.Monetary(
        string="Fixed Amount per Service", help="Paid for every service performed, on top of the percentage."
    )
    commission_base = fields.Selection(
        [("paid", "Amount paid"), ("list", "List price")],
        default="paid",
        required=True,
        help="Amount paid: what the client actually paid for the service, after what the switches below "
        "deduct. List price: the service's price before any discount.",
    )
    deduct_discounts = fields.Boolean(
        string="Discounts Lower the Base",
        default=True,
        help="Line discounts, promotions, coupons and manual discounts on the order.",
    )
    deduct_points = fields.Boolean(
        string="Bonus Points Lower the Base", default=True, help="The salon funds the points it accepts."
    )
    deduct_certificates = fields.Boolean(
        string="Certificates Lower the Base",
        help="Gift certificates and e-wallet: money the client paid before, usually not deducted.",
    )
    deduct_packs = fields.Boolean(
        string="Visit Packs Lower the Base",
        help="Visit-pack sessions: the pack was paid when it was sold, usually not deducted.",
    )
    deduct_materials = fields.Boolean(
        string="Deduct Consumables",
        help="The consumables cost of each service is deducted before the percentage (needs the salon "
        "stock addon to know the costs).",
    )
    rule_ids = fields.One2many("beauty.payroll.scheme.rule", "scheme_id", string="Service Rules", copy=True)
    tier_mode = fields.Selection(
        [
            ("none", "No tiers"),
            ("marginal", "Marginal: each bracket at its own rate"),
            ("whole", "Whole amount: the reached bracket for everything"),
        ],
        string="Tiers",
        default="none",
        required=True,
        help="Tiers replace the default service rate, by the master's service revenue in the period. "
        "A bracket starts at its threshold, inclusive.",
    )
    tier_ids = fields.One2many("beauty.payroll.scheme.tier", "scheme_id", string="Brackets", copy=True)
    # Retail
    retail_rate = fields.Float(
        string="Retail Commission (%)", digits=(5, 2), help="Share of the retail products the master sold."
    )
    # Salary
    salary_mode = fields.Selection(
        [
            ("none", "No salary"),
            ("period", "Per payroll period"),
            ("shift", "Per worked shift"),
            ("hour", "Per hour worked"),
        ],
        default="none",
        required=True,
        help="Shifts and hours come from attendance (the timesheet).",
    )
    salary_amount = fields.Monetary(string="Salary")
    minimum_amount = fields.Monetary(
        string="Guaranteed Minimum",
        help="Per payroll period: when commissions and salary earn less, the difference is paid.",
    )
    assignment_ids = fields.One2many("beauty.payroll.assignment", "scheme_id", string="Assignments")

    _sql_constraints = [
        (
            "rates_valid",
            "CHECK (service_rate BETWEEN 0 AND 100 AND retail_rate BETWEEN 0 AND 100)",
            "Commission rates are percentages between 0 and 100.",
        ),
        (
            "amounts_positive",
            "CHECK (service_fixed_amount >= 0 AND salary_amount >= 0 AND minimum_amount >= 0)",
            "Amounts of a pay scheme cannot be negative.",
        ),
    ]

    @api.constrains("tier_mode", "tier_ids")
    def _check_tiers(self):
        for scheme in self:
            if scheme.tier_mode != "none" and not scheme.tier_ids.filtered(lambda t: t.threshold == 0):
                raise ValidationError(
                    self.env._("The brackets of %(scheme)s must start at a revenue of 0.", scheme=scheme.name)
                )

    # ------------------------------------------------------------------ business methods
    def _deducted_kinds(self):
        """The reduction kinds that lower the commission base (none on the list price)."""
        self.ensure_one()
        if self.commission_base != "paid":
            return frozenset()
        return frozenset(kind for kind, switch in REDUCTION_SWITCHES.items() if self[switch])

    def _rule_for(self, product):
        """The rule for ``product``: its own, else the one of its closest category, else an empty record."""
        self.ensure_one()
        template = product.product_tmpl_id
        own = self.rule_ids.filtered(lambda rule: rule.product_tmpl_id == template)
        if own:
            return own[0]
        category_rules = {rule.categ_id: rule for rule in self.rule_ids if rule.categ_id}
        category = template.categ_id
        while category:
            if category in category_rules:
                return category_rules[category]
            category = category.parent_id
        return self.rule_ids.browse()

    def _tier_rate(self, revenue):
        """Rate of the bracket reached by ``revenue`` (whole-amount mode)."""
        self.ensure_one()
        reached = self.tier_ids.filtered(lambda tier: tier.threshold <= revenue).sorted("threshold")
        return reached[-1].rate if reached else 0.0

    def _marginal_commission(self, revenue):
        """Commission on ``revenue`` with each bracket's rate applied only to its own slice."""
        self.ensure_one()
        tiers = self.tier_ids.sorted("threshold")
        total = 0.0
        for tier, upper in zip(tiers, [*tiers.mapped("threshold")[1:], None], strict=True):
            top = revenue if upper is None else min(revenue, upper)
            if top > tier.threshold:
                total += (top - tier.threshold) * tier.rate / 100
        return total
