# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression


class LoyaltyProgram(models.Model):
    """Salon settings on Odoo's loyalty programs.

    * Discount cards are ``loyalty`` programs whose rewards are the tiers (a percentage from a total spent);
      the salon applies them to the lines of a visit, Odoo's reward engine never sees them.
    * Bonus points are ``loyalty`` programs of Odoo's engine, with an expiry per accrual, a cap on the share
      of a check paid with points, a birthday bonus and an expiry reminder.
    * Gift certificates are Odoo's ``gift_card`` programs, valid for a number of days after payment.
    """

    _inherit = "loyalty.program"

    salon_kind = fields.Selection(
        [("discount_card", "Discount Card"), ("points", "Bonus Points")],
        string="Salon Program",
        index="btree_not_null",
        help="Discount card: a percentage off every visit, fixed or by the client's total spent. "
        "Bonus points: earned on payment, each accrual expiring on its own date.",
    )
    salon_card_mode = fields.Selection(
        [("personal", "Personal (fixed percentage)"), ("cumulative", "Cumulative (by total spent)")],
        string="Card Type",
        default="cumulative",
        help="Cumulative: each reward is a tier that starts at a total spent; the card moves up when a "
        "visit is paid.",
    )
    salon_services_only = fields.Boolean(
        string="Services Only", help="Retail products are not discounted by the card."
    )
    salon_exclude_product_ids = fields.Many2many(
        "product.product",
        "loyalty_program_salon_exclude_product_rel",
        "program_id",
        "product_id",
        string="Never Discounted",
        help="Services and products the card never discounts.",
    )
    salon_exclude_categ_ids = fields.Many2many(
        "product.category",
        "loyalty_program_salon_exclude_categ_rel",
        "program_id",
        "categ_id",
        string="Categories Never Discounted",
    )
    salon_validity_days = fields.Integer(
        string="Validity (days)",
        help="Bonus points: each accrual expires this many days after it was earned. Gift certificates: "
        "valid this many days after payment. 0: no expiry.",
    )
    salon_points_max_share = fields.Float(
        string="Max Share Paid with Points (%)",
        default=30.0,
        help="Points may pay at most this share of a check (before certificates). 0: no limit.",
    )
    salon_birthday_points = fields.Float(
        string="Birthday Bonus", help="Points given to card holders on their birthday (once a year)."
    )
    salon_reminder_days = fields.Integer(
        string="Remind Before Expiry (days)",
        default=14,
        help="Clients are told this many days before their points expire. 0: no reminder.",
    )
    salon_reminder_template_id = fields.Many2one(
        "mail.template",
        string="Expiry Reminder",
        domain="[('model', '=', 'loyalty.card')]",
        default=lambda self: self.env.ref(
            "beauty_salon_loyalty.mail_template_points_expiry", raise_if_not_found=False
        ),
    )

    _sql_constraints = [
        (
            "salon_validity_days_positive",
            "CHECK (salon_validity_days >= 0)",
            "The validity cannot be negative.",
        ),
        (
            "salon_points_max_share_range",
            "CHECK (salon_points_max_share >= 0 AND salon_points_max_share <= 100)",
            "The share of a check paid with points is a percentage between 0 and 100.",
        ),
    ]

    @api.constrains("salon_kind", "program_type")
    def _check_salon_kind(self):
        for program in self:
            if program.salon_kind and program.program_type != "loyalty":
                raise ValidationError(
                    self.env._("Discount cards and bonus points are programs of the Loyalty Cards type.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("salon_kind"):
                # Salon programs are cards of a client, applied by themselves.
                vals.setdefault("program_type", "loyalty")
                vals.setdefault("applies_on", "both")
                vals.setdefault("trigger", "auto")
                if vals["salon_kind"] == "discount_card":
                    vals.setdefault("rule_ids", [])
        return super().create(vals_list)

    @api.onchange("salon_kind")
    def _onchange_salon_kind(self):
        if self.salon_kind == "discount_card":
            # A discount card gives no points: the default "points per amount spent" rule would.
            self.rule_ids = [Command.clear()]

    # ------------------------------------------------------------------ building programs
    @api.model
    def _salon_percent_reward(self, percent, min_spent=0.0, **extra):
        """Values of a percentage off the order: a discount-card tier (from ``min_spent``) or a promotion."""
        return {
            "reward_type": "discount",
            "discount_mode": "percent",
            "discount": percent,
            "discount_applicability": "order",
            "required_points": 1.0,
            "salon_min_spent": min_spent,
            **extra,
        }

    @api.model
    def _salon_per_point_reward(self, **extra):
        """Values of a reward paying one currency unit per point (bonus points, gift certificates)."""
        return {
            "reward_type": "discount",
            "discount_mode": "per_point",
            "discount": 1.0,
            "discount_applicability": "order",
            "required_points": 1.0,
            **extra,
        }

    # ------------------------------------------------------------------ discount cards
    def _salon_tier_for(self, total_spent):
        """The reward a card of this program gives at ``total_spent`` (empty below the first tier)."""
        self.ensure_one()
        rewards = self.reward_ids.filtered(
            lambda r: r.reward_type == "discount" and r.discount_mode == "percent"
        )
        if self.salon_card_mode == "personal":
            return rewards.sorted("discount")[-1:]
        reached = rewards.filtered(lambda r: r.salon_min_spent <= total_spent)
        return reached.sorted(lambda r: (r.salon_min_spent, r.discount))[-1:]

    def _salon_excluded_products_domain(self):
        """Domain of the products this discount card never discounts."""
        self.ensure_one()
        domains = []
        if self.salon_exclude_product_ids:
            domains.append([("id", "in", self.salon_exclude_product_ids.ids)])
        if self.salon_exclude_categ_ids:
            domains.append([("categ_id", "child_of", self.salon_exclude_categ_ids.ids)])
        if self.salon_services_only:
            domains.append([("type", "!=", "service")])
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    def action_salon_refresh_tiers(self):
        """Move every card of these cumulative programs to the tier of its client's total spent."""
        cards = self.env["loyalty.card"].search([("program_id", "in", self.ids)])
        cards._salon_refresh_tiers()
        return True
