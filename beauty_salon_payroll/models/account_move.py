# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    salon_payroll_sheet_id = fields.Many2one(
        "beauty.payroll.sheet",
        string="Payroll Sheet",
        index="btree_not_null",
        readonly=True,
        help="The master's payroll sheet this entry books, reverses or pays out.",
    )
