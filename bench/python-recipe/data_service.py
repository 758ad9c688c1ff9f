import os
import time
import random
import sqlite3
from flask import Flask, jsonify

app = Flask(__name__)


def init_database():
    conn = sqlite3.connect(':memory:', check_same_thread=False)
    cursor = conn.cursor()
    cursor.execute('''
        CREATE TABLE performance_data (
            id INTEGER PRIMARY KEY, name TEXT, value REAL, category TEXT, timestamp REAL
        )
    ''')
    sample_data = [
        (i, f"item_{i}", random.uniform(0, 1000), f"category_{i % 10}", time.time())
        for i in range(10000)
    ]
    cursor.executemany(
        'INSERT INTO performance_data (id, name, value, category, timestamp) VALUES (?, ?, ?, ?, ?)',
        sample_data)
    conn.commit()
    return conn


db_conn = init_database()


@app.route('/data/fetch')
def fetch_data():
    start_time = time.time()
    cursor = db_conn.cursor()
    query_start = time.time()
    cursor.execute('''
        SELECT category, COUNT(*) as count, AVG(value) as avg_value,
               MAX(value) as max_value, MIN(value) as min_value
        FROM performance_data
        WHERE value > ?
        GROUP BY category
        ORDER BY avg_value DESC
    ''', (random.uniform(100, 500),))
    results = cursor.fetchall()
    query_duration = time.time() - query_start

    processed_data = []
    for row in results:
        category, count, avg_val, max_val, min_val = row
        processed_data.append({
            "category": category,
            "statistics": {
                "count": count,
                "average": round(avg_val, 2),
                "maximum": max_val,
                "minimum": min_val,
                "variance": random.uniform(0, 100),
                "processed_score": sum([avg_val * 0.4, max_val * 0.3, count * 0.3])
            }
        })
        for _ in range(100):
            _ = sum([random.random() for _ in range(50)])

    total_duration = time.time() - start_time
    return jsonify({
        "service": "data",
        "total_items": len(processed_data),
        "processing_time_ms": total_duration * 1000,
        "query_time_ms": query_duration * 1000,
        "data": processed_data[:5]
    })


@app.route('/health')
def health_check():
    return jsonify({"status": "healthy", "service": "data"})


if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.getenv('PORT', '8083')))
