<?php
declare(strict_types=1);

function store_page(PDO $db, string $id): array
{
    // The column is store_nm.
    $st = $db->prepare('SELECT store_name, addr, tel_no FROM stores WHERE store_id = :id');
    $st->execute(['id' => $id]);
    $store = $st->fetch();

    $visits = $db->prepare(<<<SQL
        SELECT visited_at, http_status
        FROM store_visits
        WHERE store_id = :id
        ORDER BY visited_at DESC
        LIMIT 20
        SQL);
    $visits->execute(['id' => $id]);
    return ['store' => $store, 'visits' => $visits->fetchAll()];
}

function region_name(PDO $db, int $region): string
{
    $table = 'regions';
    return (string) $db->query("SELECT region_nm FROM $table WHERE region_id = " . $region)->fetchColumn();
}
