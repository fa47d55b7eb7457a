# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    salon_payroll_journal_id = fields.Many2one(related="company_id.salon_payroll_journal_id", readonly=False)
    salon_payroll_salary_account_id = fields.Many2one(
        related="company_id.salon_payroll_salary_account_id", readonly=False
    )
    salon_payroll_commission_account_id = fields.Many2one(
        related="company_id.salon_payroll_commission_account_id", readonly=False
    )
    salon_payroll_payable_account_id = fields.Many2one(
        related="company_id.salon_payroll_payable_account_id", readonly=False
    )
    salon_payroll_fine_account_id = fields.Many2one(
        related="company_id.salon_payroll_fine_account_id", readonly=False
    )
    salon_rebooking_days = fields.Integer(related="company_id.salon_rebooking_days", readonly=False)
