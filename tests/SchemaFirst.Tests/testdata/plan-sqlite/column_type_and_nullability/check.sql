SELECT Total = 1.98 AND BillingCity = 'Stuttgart' FROM Invoice
